"use client";

import { useEffect, useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";

/** Copies `value` to the clipboard and says so for a moment (also to screen readers). */
function CopyButton({ value, label = "Copy", ...props }: Omit<ButtonProps, "onClick"> & { value: string; label?: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <Button type="button" variant="outline" size="sm" onClick={copy} {...props}>
      {copied === "yes" ? <Check aria-hidden="true" className="text-success" /> : <Copy aria-hidden="true" />}
      <span aria-live="polite">{copied === "yes" ? "Copied" : copied === "failed" ? "Select and copy" : label}</span>
    </Button>
  );
}

export { CopyButton };
