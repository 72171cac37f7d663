// What an exporter gets and gives.
import type { CorsPolicy } from '../schema';

export interface ExportOptions {
  /** The status the stand-in for the user's application answers (the scenario's route), default 200. */
  appStatus?: number;
  /** The port the generated server listens on, default 3000 (8080 for nginx). */
  port?: number;
  /** The address nginx listens on (default: every address, as deployed); tests pass 127.0.0.1. */
  host?: string;
  /**
   * nginx: `host:port` of the application to `proxy_pass` to instead of the stand-in `return` (the echo
   * server's real nginx backend passes requests on to the scenario's routes this way).
   */
  upstream?: string;
}

export interface PolicyExport {
  /** The framework's id (`cors export --framework ID`). */
  framework: string;
  label: string;
  /** Where the text goes, e.g. "server.mjs", "nginx.conf (http block)". */
  file: string;
  /** The configuration in the framework's own syntax, ready to paste. */
  text: string;
  /** The same options as data, as the framework names them (RegExps as their source text). */
  options: Record<string, unknown>;
  /** The framework's known quirk for this policy, in one or two sentences. */
  quirk: string;
  /** Policy fields the framework cannot express, and what it does instead. */
  notes: string[];
  /** Whether this project's tests run the real software with this export (and which release), or not. */
  checked: false | { version: string; how: string };
}

/** A policy whose origins are already resolved (no placeholders). */
export type ResolvedPolicy = CorsPolicy;

export type Exporter = (policy: ResolvedPolicy, options: Required<Omit<ExportOptions, 'host' | 'upstream'>> & Pick<ExportOptions, 'host' | 'upstream'>) => Omit<PolicyExport, 'framework' | 'label' | 'checked'>;
