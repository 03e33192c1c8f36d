/** Help texts; the template help lists the scenarios at run time (see template.ts). */

export const TOP_HELP = `minutes — meeting minutes to decisions and to-dos (纪要待办)

Usage:
  minutes extract <file|-> [--date YYYY-MM-DD] [--format table|json|csv|ics]
  minutes template [--scenario NAME] [--lang zh|en] [--format md]
  minutes serve [--port N] [--webhook]
  minutes <command> --help
  minutes --version

Commands:
  extract    read minutes (.md, .txt, .docx, or stdin with -) and list the decisions and to-dos
             with their owners and deadlines
  template   print the 跨部门沟通记录表 meeting-record template as Markdown
  serve      run the Feishu sync service (events, sync on save, the widget's API); configured from
             the environment (FEISHU_APP_ID, FEISHU_APP_SECRET, …; see src/feishu/README.md)

Exit status: 0 on success, 1 on bad input (with a one-line message).
`;

export const EXTRACT_HELP = `Usage: minutes extract <file|-> [--date YYYY-MM-DD] [--format table|json|csv|ics]

Read meeting minutes and print their decisions and to-dos with owners and deadlines.
Input: a Markdown (.md), text (.txt, as pasted from a document) or Word (.docx) file, or - for stdin
(read as Markdown-like text: headings, lists, checkboxes, | and tab tables).

Options:
  --date YYYY-MM-DD   the meeting date relative deadlines resolve against
                      (default: the document's 沟通时间, else today)
  -f, --format NAME   table   aligned table for the terminal (default)
                      json    the extraction contract: meeting, items, warnings
                      csv     one row per item (RFC 4180)
                      ics     iCalendar with one VTODO per to-do
  -h, --help          show this help

Examples:
  minutes extract samples/minutes-zh.md
  minutes extract notes.docx --date 2025-06-09 --format json
  pbpaste | minutes extract - --format ics > todos.ics
`;

export function templateHelp(scenarios: readonly { id: string; title: string }[]): string {
  const width = Math.max(0, ...scenarios.map((s) => s.id.length));
  const list = scenarios.map((s) => `                      ${s.id.padEnd(width)}  ${s.title}`).join('\n');
  return `Usage: minutes template [--scenario NAME] [--lang zh|en] [--format md]

Print the 跨部门沟通记录表 meeting-record template: the six basic fields, agenda, discussion,
disputes, the 决议事项 table and the 待办事项 table, with the chosen scenario's extra sections.

Options:
  -s, --scenario NAME the guide's scenario (default: the general template):
${list}
  -l, --lang zh|en    language of the template (default: zh)
  -f, --format md     output format; only Markdown for now
  -h, --help          show this help

Example:
  minutes template --scenario progress --lang en > minutes.md
`;
}
