import { RegistryInputError } from './registry-input-error'

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

/** Stops a hostile file early, before it can fill memory: beyond either limit parseCsv throws. */
export interface CsvLimits {
  maxRecords: number
  maxCellsPerRecord: number
}

/** Line breaks inside a quoted section, counted as the parser counts them (CRLF, CR or LF each once). */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0
  for (let i = from; i < to; i++) {
    const char = text.charCodeAt(i)
    if (char === LF || (char === CR && text.charCodeAt(i + 1) !== LF)) count++
  }
  return count
}

/** Index of the quote that closes the quoted section opened just before `from`, or -1 when it runs to the end. */
function closingQuote(text: string, from: number): number {
  let at = text.indexOf('"', from)
  while (at >= 0 && text.charCodeAt(at + 1) === QUOTE) at = text.indexOf('"', at + 2)
  return at
}

/**
 * Splits CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) into records,
 * keeping the source line each record starts on so that every row can be traced back to the file.
 * The delimiter is a comma, or a tab when the first line has tabs and no commas. Blank lines become
 * records with one empty cell; the caller decides what to do with them. With `limits`, more records or a wider
 * record than allowed throws a {@link RegistryInputError} naming the limit.
 *
 * @example
 * parseCsv('a,b\n"x, y",2\n') // [{ line: 1, cells: ['a', 'b'], raw: 'a,b' }, { line: 2, cells: ['x, y', '2'], raw: '"x, y",2' }]
 */
export function parseCsv(text: string, limits: CsvLimits = { maxRecords: Infinity, maxCellsPerRecord: Infinity }): CsvRecord[] {
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
  const endCell = () => {
    cells.push(cell)
    cell = ''
    if (cells.length > limits.maxCellsPerRecord) {
      throw new RegistryInputError(
        `line ${recordLine}: more than ${limits.maxCellsPerRecord.toLocaleString('en-US')} cells in one row (the limit)`,
        'too-many-cells', { line: recordLine, max: limits.maxCellsPerRecord },
      )
    }
  }
  let line = 1
  let recordLine = 1
  let recordStart = 0
  let unclosed = false
  const endRecord = (end: number) => {
    endCell()
    records.push({ line: recordLine, cells, raw: text.slice(recordStart, end) })
    cells = []
    if (records.length > limits.maxRecords) throw new RegistryInputError(`more than ${limits.maxRecords.toLocaleString('en-US')} lines (the limit)`, 'too-many-lines', { max: limits.maxRecords })
  }
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (char === QUOTE) {
      flush(i)
      // A quote opens a quoted cell only at its start (spaces before it are dropped); elsewhere it is text.
      if (cell.trim() !== '') continue
      // The whole quoted section is taken at once: one slice, its doubled quotes undone in one pass.
      const close = closingQuote(text, i + 1)
      const end = close < 0 ? text.length : close
      const inner = text.slice(i + 1, end)
      cell = inner.includes('""') ? inner.replace(/""/g, '"') : inner
      line += lineBreaks(text, i + 1, end)
      unclosed = close < 0
      i = end
      from = end + 1
    } else if (char === delimiter) {
      flush(i)
      endCell()
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
  if (cell !== '' || cells.length > 0 || unclosed) endRecord(text.length)
  return records
}
