// The environment handed to child processes (servers, builds, migrations, admin commands): this
// process's own, passed on as is, plus what the caller sets. No dependencies, so the entry scripts
// can use it before `npm ci` has run.

/**
 * @param {Record<string, string | undefined>} [extra] set for the child, over this process's values
 * @param {Record<string, string>} [defaults] used only where this process has no value
 * @returns {NodeJS.ProcessEnv}
 */
export function childEnv(extra = {}, defaults = {}) {
  return { ...defaults, ...process.env, ...extra };
}
