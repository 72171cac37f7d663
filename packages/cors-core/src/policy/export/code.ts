// Literals for generated code. Every string reaching them passed the policy schema (origins, method and
// header names from a narrow alphabet), and these functions escape anyway: a policy never becomes code.
import { originPatternSource } from '../middleware';
import { isOriginPattern, isSafeName, isSerializedOrigin } from '../schema';
import type { ResolvedPolicy } from './types';

/** A string literal in JavaScript, Python, Go, Rust, Java and C# (JSON's escaping is valid in all of them for ASCII). */
export function str(value: string): string {
  assertSafe(value);
  return JSON.stringify(value);
}

export function strList(values: readonly string[], separator = ', '): string {
  return values.map(str).join(separator);
}

/**
 * Refuses anything that could not have passed the policy schema: a last line of defence should a caller
 * hand an exporter an unvalidated object.
 */
export function assertSafe(value: string): void {
  const ok = value === '*' || value === 'null' || isSafeName(value) || isSerializedOrigin(value) || isOriginPattern(value) || /^\^[a-z0-9:/\\.()+?*[\]$|-]+\$$/.test(value) || /^[0-9a-z ,.*:/-]+$/i.test(value);
  if (!ok) throw new Error(`refusing to write ${JSON.stringify(value)} into a configuration`);
}

/** The listed origins (no "*" or reflect), or []. */
export function listedOrigins(policy: ResolvedPolicy): string[] {
  return Array.isArray(policy.allowOrigins) ? policy.allowOrigins : [];
}

/** Each origin pattern as a regular expression source: `^https://([a-z0-9-]+\.)+example\.com$`. */
export function patternSources(policy: ResolvedPolicy): string[] {
  return Array.isArray(policy.allowOrigins) ? policy.allowOriginPatterns.map(originPatternSource) : [];
}

/** One regular expression for every allowed origin: the listed ones and the patterns. */
export function allOriginsSource(policy: ResolvedPolicy): string {
  const exact = listedOrigins(policy).map((origin) => origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const patterns = patternSources(policy).map((source) => source.slice(1, -1).replace(/\\\//g, '/'));
  return `^(${[...exact, ...patterns].join('|')})$`;
}

/** JavaScript source for a value: arrays, strings, numbers, booleans, RegExp sources and raw code. */
export class Raw {
  constructor(readonly code: string) {}
}

export function js(value: unknown, indent = '  '): string {
  if (value instanceof Raw) return value.code;
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => js(item, indent)).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{\n${entries.map(([key, item]) => `${indent}  ${key}: ${js(item, `${indent}  `)},`).join('\n')}\n${indent}}`;
  }
  throw new Error(`cannot write ${String(value)} as JavaScript`);
}

/** A JavaScript RegExp literal for a pattern source (its "/" already escaped). */
export function regexLiteral(source: string): Raw {
  assertSafe(source);
  return new Raw(`/${source}/`);
}

/** A Python raw string literal for a regular expression. */
export function pyRegex(source: string): string {
  assertSafe(source);
  return `r"${source}"`;
}

export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}
