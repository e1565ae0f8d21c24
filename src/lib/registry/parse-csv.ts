const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

/** One record of a CSV file with the 1-based line on which it starts. */
export interface CsvRecord {
  line: number
  cells: string[]
  /** The record's source text as it stands in the file, without its line break (it may span lines). */
  raw: string
}

/**
 * Splits CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) into records,
 * keeping the source line each record starts on so that every row can be traced back to the file.
 * The delimiter is a comma, or a tab when the first line has tabs and no commas. Blank lines become
 * records with one empty cell; the caller decides what to do with them.
 *
 * @example
 * parseCsv('a,b\n"x, y",2\n') // [{ line: 1, cells: ['a', 'b'], raw: 'a,b' }, { line: 2, cells: ['x, y', '2'], raw: '"x, y",2' }]
 */
export function parseCsv(text: string): CsvRecord[] {
  const firstLine = text.slice(0, text.search(/\r|\n|$/))
  const delimiter = (firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',').charCodeAt(0)
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  // Text is copied in runs (slices) rather than a character at a time: a 100,000-row file would otherwise make
  // millions of short-lived strings.
  let from = 0
  const flush = (to: number) => {
    if (to > from) cell += text.slice(from, to)
    from = to
  }
  let quoted = false
  let line = 1
  let recordLine = 1
  let recordStart = 0
  const endRecord = (end: number) => {
    cells.push(cell)
    records.push({ line: recordLine, cells, raw: text.slice(recordStart, end) })
    cells = []
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (quoted) {
      if (char === QUOTE) {
        flush(i)
        if (text.charCodeAt(i + 1) === QUOTE) cell += '"'
        else quoted = false
        if (quoted) i++
        from = i + 1
      } else if (char === LF || (char === CR && text.charCodeAt(i + 1) !== LF)) {
        line++
      }
    } else if (char === QUOTE) {
      flush(i)
      // A quote opens a quoted cell only at its start (spaces before it are dropped); elsewhere it is text.
      if (cell.trim() === '') {
        quoted = true
        cell = ''
        from = i + 1
      }
    } else if (char === delimiter) {
      flush(i)
      cells.push(cell)
      cell = ''
      from = i + 1
    } else if (char === LF || char === CR) {
      flush(i)
      endRecord(i)
      if (char === CR && text.charCodeAt(i + 1) === LF) i++
      line++
      recordLine = line
      recordStart = i + 1
      from = i + 1
    }
  }
  flush(text.length)
  if (cell !== '' || cells.length > 0 || quoted) endRecord(text.length)
  return records
}
