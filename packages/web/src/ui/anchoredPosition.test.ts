import { placeFloating } from './anchoredPosition';

const viewport = { width: 1265, height: 845 }; // 1280 x 860 less the scroll bars
const button = (top: number, right = 600) => ({ top, bottom: top + 24, left: right - 60, right });
const menu = { width: 210, height: 180 };
const inside = (p: { top: number; left: number; maxHeight?: number }, size = menu) => {
  const height = p.maxHeight ?? size.height;
  return p.top >= 8 && p.left >= 8 && p.top + height <= viewport.height - 8 && p.left + size.width <= viewport.width - 8;
};

describe('placeFloating', () => {
  it('puts a menu under its button, right edges aligned, when it fits there', () => {
    expect(placeFloating(button(100), menu, viewport, 'below-end')).toEqual({ top: 128, left: 390 });
  });

  it('puts it above the button when the room under it is short, and never under the bottom scroll bar', () => {
    // 845 - 8 - (640 + 24 + 4) = 169 < 180: above, ending 4 px over the button.
    expect(placeFloating(button(640), menu, viewport, 'below-end')).toEqual({ top: 640 - 4 - 180, left: 390 });
    for (let top = 0; top < viewport.height - 24; top += 7) expect(inside(placeFloating(button(top), menu, viewport, 'below-end'))).toBe(true);
  });

  it('keeps it inside the window when the button is scrolled out of sight within its column', () => {
    expect(placeFloating(button(1500), menu, viewport, 'below-end')).toEqual({ top: viewport.height - 8 - 180, left: 390 });
    expect(placeFloating(button(-300), menu, viewport, 'below-end')).toEqual({ top: 8, left: 390 });
  });

  it('keeps it inside the window sideways (a button at either edge)', () => {
    expect(placeFloating(button(100, 70), menu, viewport, 'below-end').left).toBe(8);
    expect(placeFloating(button(100, 1300), menu, viewport, 'below-end').left).toBe(viewport.width - 8 - menu.width);
  });

  it('cuts a menu taller than the room on both sides to the roomier side, where it scrolls', () => {
    const tall = { width: 210, height: 600 };
    expect(placeFloating(button(300), tall, viewport, 'below-end')).toEqual({ top: 328, left: 390, maxHeight: 845 - 8 - 328 });
    expect(placeFloating(button(600), tall, viewport, 'below-end')).toEqual({ top: 8, left: 390, maxHeight: 600 - 4 - 8 });
  });

  it('puts a tooltip to the right of its block, else to its left, top-aligned and kept inside the window', () => {
    const tip = { width: 280, height: 150 };
    const block = { top: 200, bottom: 260, left: 300, right: 400 };
    expect(placeFloating(block, tip, viewport, 'right-start')).toEqual({ top: 200, left: 404 });
    expect(placeFloating({ ...block, left: 1000, right: 1100 }, tip, viewport, 'right-start')).toEqual({ top: 200, left: 1000 - 4 - 280 });
    expect(placeFloating({ ...block, top: 800, bottom: 840 }, tip, viewport, 'right-start').top).toBe(845 - 8 - 150);
  });
});
