// A strict-enough reader of iCalendar text for asserting the CLI's ics output.

export interface IcsCheck {
  /** Physical lines (without CRLF). */
  physical: string[];
  /** Content lines after unfolding. */
  lines: string[];
  todos: Map<string, string>[];
}

const encoder = new TextEncoder();

/** Checks CRLF endings and the 75-octet limit, then unfolds and collects the VTODO properties. */
export function readIcs(text: string): IcsCheck {
  if (!text.endsWith('\r\n')) throw new Error('ics must end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    if (line.includes('\n') || line.includes('\r')) throw new Error(`bare line break in ${JSON.stringify(line)}`);
    const octets = encoder.encode(line).length;
    if (octets > 75) throw new Error(`line of ${octets} octets: ${line}`);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) {
      if (lines.length === 0) throw new Error('continuation line first');
      lines[lines.length - 1] += line.slice(1);
    } else lines.push(line);
  }
  const todos: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VTODO') current = new Map();
    else if (line === 'END:VTODO') {
      if (!current) throw new Error('END:VTODO without BEGIN');
      todos.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return { physical, lines, todos };
}

/** Undo RFC 5545 TEXT escaping. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}
