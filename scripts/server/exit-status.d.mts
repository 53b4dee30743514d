export function childExitStatus(code: number | null, signal: NodeJS.Signals | null): number;
