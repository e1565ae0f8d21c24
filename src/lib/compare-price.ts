/** The plan's 普惠 full-day price line (附件2: 全日托平均价格 1,787 元/月). */
export const PUHUI_PRICE_LINE = 1787

export interface PriceComparison {
  /** 'unknown' when no full-day price is reported. */
  status: 'below' | 'at' | 'above' | 'unknown'
  /** price − line in yuan; null when unknown. */
  difference: number | null
}

/**
 * Compares a full-day monthly price with the plan's 普惠 price line.
 *
 * @example
 * comparePrice(1500) // { status: 'below', difference: -287 }
 * comparePrice(null) // { status: 'unknown', difference: null }
 */
export function comparePrice(price: number | null, line: number = PUHUI_PRICE_LINE): PriceComparison {
  if (price === null || !Number.isFinite(price)) return { status: 'unknown', difference: null }
  const difference = price - line
  return { status: difference < 0 ? 'below' : difference === 0 ? 'at' : 'above', difference }
}
