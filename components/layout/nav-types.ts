export type NavItem = { href: string; label: string; badge?: number };
