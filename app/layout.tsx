import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import "@fontsource/inter/400.css";
import "@fontsource/inter/500.css";
import "@fontsource/inter/600.css";
import "./fonts";
import "./globals.css";
import { ThemeProvider } from "@/components/theme/theme-provider";

const favicon = `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none"><rect x="3" y="2.75" width="13.5" height="18.5" rx="2.25" fill="#fcf9f2" stroke="#231d18" stroke-width="1.5"/><rect x="5.75" y="10.25" width="8" height="3.5" rx=".75" fill="#f2cf6b"/><path d="M6.5 7.25h6.5M6.5 12h6.5M6.5 16.75h4" stroke="#231d18" stroke-width="1.5" stroke-linecap="round"/><path d="M20.25 8.5v7" stroke="#0f6465" stroke-width="2.25" stroke-linecap="round"/></svg>`,
)}`;

export const metadata: Metadata = {
  title: { default: "Marginalia", template: "%s · Marginalia" },
  description:
    "Read together. Import a text, co-edit it live and discuss it in the margin — an open-source annotation server for reading groups, seminars and editorial teams.",
  applicationName: "Marginalia",
  icons: { icon: [{ url: favicon, type: "image/svg+xml" }] },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fcf9f2" },
    { media: "(prefers-color-scheme: dark)", color: "#15120f" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Set by proxy.ts; the theme script runs before hydration, so it needs the nonce too.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        <ThemeProvider nonce={nonce}>{children}</ThemeProvider>
      </body>
    </html>
  );
}
