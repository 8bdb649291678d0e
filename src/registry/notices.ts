/**
 * The registry's `npm-notice` headers. npm-registry-fetch reads the header on every answer (success or error) and
 * hands it to proc-log as `log.notice('', <text>)`, which emits `process.emit('log', 'notice', '', <text>)`: no
 * other place sees every answer of every request npm's libraries make (a publish, the OIDC exchange, a read).
 * Other notices on that channel (libnpmpublish's provenance lines, run-script's) name their source in the first
 * argument; the registry's has none.
 */

/** Calls `listener` with the text of each `npm-notice` header until the returned function is called. */
export function watchRegistryNotices(listener: (text: string) => void): () => void {
  const onLog = (level: unknown, source: unknown, text: unknown) => {
    if (level === 'notice' && source === '' && typeof text === 'string' && text.trim() !== '') listener(text);
  };
  process.on('log', onLog);
  return () => {
    process.off('log', onLog);
  };
}
