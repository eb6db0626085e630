import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** The email field of the sign-in and sign-up forms: no autocapitalising or spellchecking an address, and it keeps what was typed after a failed submission. */
function EmailField({ error, defaultValue, autoFocus }: { error?: string; defaultValue?: string; autoFocus?: boolean }) {
  return (
    <Field label="Email" error={error}>
      <Input
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        placeholder="you@example.org"
        defaultValue={defaultValue ?? ""}
        required
        autoFocus={autoFocus}
      />
    </Field>
  );
}

export { EmailField };
