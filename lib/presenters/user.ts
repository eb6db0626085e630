/** The public shape of the current user (`GET /api/v1/me`). */
export function presentMe(user: { id: string; email: string; name: string }) {
  return { id: user.id, email: user.email, name: user.name };
}
