// The typed message catalog: `t("nav.myCases")`, `t("error.code", { code })`.
// A key that does not exist, or a missing or unknown {placeholder}, is a type
// error; every string the UI shows goes through here.
import { en } from "./en.ts";
import { nb, type MessageKey } from "./nb.ts";

export type { MessageKey };

export const LANGUAGES = ["nb", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "nb";

export const CATALOGS: Record<Lang, Record<MessageKey, string>> = { nb, en };

/** The {names} in a message, from bokmål's text (en must use the same ones). */
type PlaceholderNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholderNames<Rest> : never;
type ParamsOf<K extends MessageKey> = [PlaceholderNames<(typeof nb)[K]>] extends [never] ? [] : [params: Record<PlaceholderNames<(typeof nb)[K]>, string | number>];

/** Keys whose message takes no {placeholder}: the ones that can be chosen at run time (navigation labels, error messages). */
export type PlainMessageKey = { [K in MessageKey]: [PlaceholderNames<(typeof nb)[K]>] extends [never] ? K : never }[MessageKey];

export type Translate = <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string;

/** Whether a key built at run time (e.g. from a reason code) is one of the catalog's keys without placeholders. */
export const isPlainMessageKey = (key: string): key is PlainMessageKey => key in nb && placeholders(nb[key as MessageKey]).length === 0;

export const isLang = (value: unknown): value is Lang => (LANGUAGES as readonly unknown[]).includes(value);

/** The placeholders a message uses, sorted (for comparing languages). */
export const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

export function translator(lang: Lang): Translate {
  const catalog = CATALOGS[lang];
  return (key, ...params) => {
    const text = catalog[key];
    const values: Record<string, string | number> = params[0] ?? {};
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}
