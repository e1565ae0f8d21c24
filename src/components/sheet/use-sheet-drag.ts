import { ref, type Ref } from 'vue'
import type { ResultsSheetHeight } from '../../stores/view'

/** Below this many pixels a press is a tap (the handle's click cycles the height), not a drag. */
const DRAG_THRESHOLD = 6

/** The height a released drag settles on, from the share of the area the sheet covers. */
function snap(share: number): ResultsSheetHeight {
  if (share < 0.35) return 'peek'
  return share < 0.8 ? 'half' : 'full'
}

/**
 * Dragging the results sheet by its head with pointer events: while dragging, `draggedHeight` (px) overrides the
 * CSS height; on release the sheet snaps to peek, half or full. `dragged` tells the handle's click to do nothing.
 */
export function useSheetDrag(sheet: Ref<HTMLElement | undefined>, settle: (height: ResultsSheetHeight) => void) {
  const draggedHeight = ref<number | null>(null)
  let start: { y: number; height: number; area: number } | null = null
  let dragged = false

  function onPointerDown(event: PointerEvent) {
    const element = sheet.value
    const area = element?.parentElement?.getBoundingClientRect().height ?? 0
    if (!element || area === 0 || event.button !== 0) return
    start = { y: event.clientY, height: element.getBoundingClientRect().height, area }
    dragged = false
  }
  function onPointerMove(event: PointerEvent) {
    if (!start) return
    const moved = start.y - event.clientY
    if (!dragged && Math.abs(moved) < DRAG_THRESHOLD) return
    // Captured only once it is a drag: a capture at pointerdown would send a tap's click to the head, not the handle.
    if (!dragged && event.currentTarget instanceof Element) event.currentTarget.setPointerCapture?.(event.pointerId)
    dragged = true
    draggedHeight.value = Math.min(start.area, Math.max(48, start.height + moved))
  }
  function onPointerUp() {
    if (start && dragged && draggedHeight.value !== null) settle(snap(draggedHeight.value / start.area))
    start = null
    draggedHeight.value = null
  }
  /** True once after a drag, so the click that ends it does not also cycle the height. */
  function consumeDrag() {
    const was = dragged
    dragged = false
    return was
  }
  return { draggedHeight, onPointerDown, onPointerMove, onPointerUp, consumeDrag }
}
