import { useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';

/** Where a floating element goes beside its anchor: under it, right edges aligned; or to its right, tops aligned. */
export type Placement = 'below-end' | 'right-start';

interface Rect {
  top: number;
  left: number;
  right: number;
  bottom: number;
}
interface Size {
  width: number;
  height: number;
}
export interface FloatingPosition {
  top: number;
  left: number;
  /** Set when the element fits on neither side: it scrolls within this height. */
  maxHeight?: number;
}

const GAP = 4;
const MARGIN = 8;

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

/**
 * One axis: after the anchor if the element fits there, else before it, else on the roomier side, cut to the room
 * there. Returns the element's start and, when cut, its length.
 */
function alongside(start: number, end: number, length: number, viewport: number): { at: number; cut?: number } {
  const after = viewport - MARGIN - (end + GAP);
  const before = start - GAP - MARGIN;
  if (length <= after) return { at: end + GAP };
  if (length <= before) return { at: start - GAP - length };
  return after >= before ? { at: end + GAP, cut: Math.max(after, 0) } : { at: MARGIN, cut: Math.max(before, 0) };
}

/**
 * Where a floating element of `size` goes next to `anchor` (both in viewport coordinates) so that all of it stays
 * inside `viewport` (the window without its scroll bars), `MARGIN` pixels from each edge, even when the anchor
 * itself is not (scrolled out of sight within its container).
 */
export function placeFloating(anchor: Rect, size: Size, viewport: Size, placement: Placement): FloatingPosition {
  if (placement === 'below-end') {
    const { at, cut } = alongside(anchor.top, anchor.bottom, size.height, viewport.height);
    const height = cut ?? size.height;
    const top = clamp(at, MARGIN, Math.max(MARGIN, viewport.height - MARGIN - height));
    const left = clamp(anchor.right - size.width, MARGIN, Math.max(MARGIN, viewport.width - MARGIN - size.width));
    return cut === undefined ? { top, left } : { top, left, maxHeight: cut };
  }
  const { at } = alongside(anchor.left, anchor.right, size.width, viewport.width);
  const left = clamp(at, MARGIN, Math.max(MARGIN, viewport.width - MARGIN - size.width));
  const top = clamp(anchor.top, MARGIN, Math.max(MARGIN, viewport.height - MARGIN - size.height));
  const maxHeight = size.height > viewport.height - 2 * MARGIN ? viewport.height - 2 * MARGIN : undefined;
  return maxHeight === undefined ? { top, left } : { top, left, maxHeight };
}

/** Laid out to be measured, not seen, until placed. */
const UNPLACED: CSSProperties = { visibility: 'hidden', top: 0, left: 0 };

/**
 * The style that keeps a `position: fixed` element (a menu, a tooltip) next to its anchor and inside the window:
 * measured after each opening (so its real size counts, whatever fonts and labels it has), and placed again when the
 * window is resized or the anchor moves (a live update re-sorting a board column, say). The element must be rendered
 * (hidden by this style) while `open`.
 */
export function useAnchoredPosition(
  open: boolean,
  anchor: RefObject<HTMLElement | null>,
  floating: RefObject<HTMLElement | null>,
  placement: Placement,
): CSSProperties {
  const [style, setStyle] = useState<CSSProperties>(UNPLACED);
  useLayoutEffect(() => {
    if (!open) {
      setStyle(UNPLACED);
      return;
    }
    let placedAt: DOMRect | undefined;
    const place = () => {
      const a = anchor.current?.getBoundingClientRect();
      const el = floating.current;
      if (!a || !el) return;
      placedAt = a;
      const root = document.documentElement;
      const size = { width: el.offsetWidth, height: Math.max(el.offsetHeight, el.scrollHeight) };
      const { top, left, maxHeight } = placeFloating(a, size, { width: root.clientWidth, height: root.clientHeight }, placement);
      setStyle(maxHeight === undefined ? { top, left } : { top, left, maxHeight, overflowY: 'auto' });
    };
    place();
    // One rectangle read a frame, only while open.
    let frame = requestAnimationFrame(function follow() {
      const now = anchor.current?.getBoundingClientRect();
      if (now && placedAt && (Math.abs(now.top - placedAt.top) > 1 || Math.abs(now.right - placedAt.right) > 1)) place();
      frame = requestAnimationFrame(follow);
    });
    window.addEventListener('resize', place);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', place);
    };
  }, [open, anchor, floating, placement]);
  return style;
}
