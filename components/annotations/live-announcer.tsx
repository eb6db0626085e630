/** A polite live region: new comments from others are read out without moving focus. */
export function LiveAnnouncer({ message }: { message: string }) {
  return (
    <div aria-live="polite" aria-atomic="true" role="status" className="sr-only" data-testid="annotation-announcer">
      {message}
    </div>
  );
}
