import type { MyDataRecord } from './my-data-types'

// The plain IndexedDB API: one database, one store, one record. Nothing here sends anything anywhere.
const DATABASE = 'zjg-my-data'
const STORE = 'my-data'
const KEY = 'current'

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1)
    request.onupgradeneeded = () => { request.result.createObjectStore(STORE) }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'))
  })
}

async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const database = await open()
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = database.transaction(STORE, mode)
      const request = work(transaction.objectStore(STORE))
      transaction.oncomplete = () => resolve(request.result as T)
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'))
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'))
    })
  } finally {
    database.close()
  }
}

const isRecord = (value: unknown): value is Omit<MyDataRecord, 'zones'> & { zones?: MyDataRecord['zones'] } =>
  typeof value === 'object' && value !== null && 'active' in value && 'registry' in value && 'population' in value

/**
 * A stored value as the current record, or null when it is not one; records kept before town outlines could be
 * imported have no `zones` and read as zones: null.
 *
 * @example
 * asMyDataRecord({ registry: null, population: null, active: true, importedAt: '' })?.zones // null
 */
export function asMyDataRecord(value: unknown): MyDataRecord | null {
  return isRecord(value) ? { ...value, zones: value.zones ?? null } : null
}

/** The planner's own data kept on this device, or null (none, unreadable, or no IndexedDB). */
export async function readMyData(): Promise<MyDataRecord | null> {
  if (typeof indexedDB === 'undefined') return null
  try {
    const value = await transact<unknown>('readonly', (store) => store.get(KEY))
    return asMyDataRecord(value)
  } catch {
    return null
  }
}

/** Keeps the record on this device (replacing the previous one). */
export function writeMyData(record: MyDataRecord): Promise<void> {
  return transact<unknown>('readwrite', (store) => store.put(record, KEY)).then(() => undefined)
}

/** Removes the planner's own data from this device. */
export async function clearMyData(): Promise<void> {
  if (typeof indexedDB === 'undefined') return
  await transact<unknown>('readwrite', (store) => store.delete(KEY))
}
