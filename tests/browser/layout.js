// Layout problems a reader would see in one widget's output: text boxes (HTML text and SVG
// <text>) that overlap, text cut off by a box that does not scroll, text beyond the space the
// widget has, a dropdown too narrow for its chosen label, text too small to read, and a line
// that breaks inside a word. rpLayout.problems(area) returns a list of sentences.
window.rpLayout = (function () {
  const TOLERANCE = 1.5;
  const MIN_TEXT_PX = 9;
  const WORD_CHAR = /[\p{L}\p{N}]/u;

  function describe(el) {
    const classes = typeof el.className === 'string' ? el.className.trim().split(/\s+/)
      .filter(c => c.startsWith('rp-') || c.startsWith('widget-')).slice(0, 2) : [];
    return el.tagName.toLowerCase() + classes.map(c => '.' + c).join('');
  }

  function quote(text) {
    const t = text.replace(/\s+/g, ' ').trim();
    return '"' + (t.length > 50 ? t.slice(0, 47) + '...' : t) + '"';
  }

  function inside(inner, outer) {
    return inner.left >= outer.left - TOLERANCE && inner.right <= outer.right + TOLERANCE
      && inner.top >= outer.top - TOLERANCE && inner.bottom <= outer.bottom + TOLERANCE;
  }

  // The first ancestor (up to `area`) whose box cuts `rect`: {el, scrolls} or null.
  function cutBy(el, rect, area) {
    for (let a = el.parentElement; a && a !== area.parentElement; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const box = a.getBoundingClientRect();
      if (!inside(rect, box)) {
        const scrollsX = /auto|scroll/.test(style.overflowX) && a.scrollWidth > a.clientWidth;
        const scrollsY = /auto|scroll/.test(style.overflowY) && a.scrollHeight > a.clientHeight;
        const outX = rect.left < box.left - TOLERANCE || rect.right > box.right + TOLERANCE;
        const outY = rect.top < box.top - TOLERANCE || rect.bottom > box.bottom + TOLERANCE;
        return {el: a, scrolls: (!outX || scrollsX) && (!outY || scrollsY)};
      }
    }
    return null;
  }

  function textBoxes(area) {
    const boxes = [];
    const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!node.textContent.trim() || !el || el.closest('select, option, script, style, svg, input, textarea')) continue;
      if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        // Narrower than a letter: a space hanging at the end of a pre-wrap line.
        if (rect.width > 5 && rect.height > 0.5) boxes.push({rect, el, node, text: node.textContent});
      }
    }
    for (const el of area.querySelectorAll('svg text')) {
      const rect = el.getBoundingClientRect();
      if (el.textContent.trim() && rect.width > 0.5) boxes.push({rect, el, text: el.textContent, svg: true});
    }
    return boxes;
  }

  function midWordBreaks(node) {
    const text = node.textContent;
    const range = document.createRange();
    const found = [];
    let lastTop = null;
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i])) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getBoundingClientRect();
      if (rect.height === 0) continue;
      if (lastTop !== null && rect.top > lastTop + rect.height / 2 && i > 0
          && WORD_CHAR.test(text[i - 1]) && WORD_CHAR.test(text[i])) {
        found.push(text.slice(Math.max(0, i - 20), i).trimStart() + '|' + text.slice(i, i + 20).trimEnd());
      }
      lastTop = rect.top;
    }
    return found;
  }

  function selectProblems(area) {
    const found = [];
    const canvas = document.createElement('canvas').getContext('2d');
    for (const select of area.querySelectorAll('select')) {
      const option = select.options[select.selectedIndex];
      if (!option || !select.checkVisibility()) continue;
      const style = getComputedStyle(select);
      canvas.font = style.font;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const needed = canvas.measureText(option.text).width;
      if (needed > room + TOLERANCE) {
        found.push(`the dropdown cuts its chosen label ${quote(option.text)} (${Math.round(needed)} px in ${Math.round(room)} px)`);
      }
    }
    return found;
  }

  // Text that an element hides by clipping (a button or label too narrow: "Res...").
  function truncated(area) {
    const found = [];
    for (const el of area.querySelectorAll('*')) {
      if (el.closest('select, svg') || !el.checkVisibility()) continue;
      const style = getComputedStyle(el);
      const clips = !/visible|auto|scroll/.test(style.overflowX) || style.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim()) {
        found.push(`${describe(el)} cuts its text ${quote(el.textContent)} (${el.scrollWidth} px in ${el.clientWidth} px)`);
      }
    }
    return found;
  }

  // A row of controls wider than the widget: the part past the edge is found only by scrolling.
  function sideways(area) {
    return Array.from(area.querySelectorAll('.widget-box'))
      .filter(box => box.checkVisibility() && box.scrollWidth > box.clientWidth + 1)
      .map(box => `${describe(box)} is wider than the widget (${box.scrollWidth} px in ${box.clientWidth} px) and scrolls sideways`);
  }

  // Drawings (separate <svg> elements) placed over one another.
  function drawingsOverlap(area) {
    const found = [];
    const drawings = Array.from(area.querySelectorAll('svg'))
      .filter(svg => !svg.parentElement.closest('svg') && svg.checkVisibility());
    for (let i = 0; i < drawings.length; i++) {
      for (let j = i + 1; j < drawings.length; j++) {
        const a = drawings[i].getBoundingClientRect(), b = drawings[j].getBoundingClientRect();
        const wide = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const high = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (wide > 2 && high > 2) found.push(`two drawings overlap (${describe(drawings[i])} and ${describe(drawings[j])})`);
      }
    }
    return found;
  }

  function problems(area) {
    const found = [...selectProblems(area), ...truncated(area), ...sideways(area), ...drawingsOverlap(area)];
    const space = area.getBoundingClientRect();
    const shown = [];
    for (const box of textBoxes(area)) {
      const cut = cutBy(box.el, box.rect, area);
      if (cut && cut.scrolls) continue;  // scrolled out of view, reachable by scrolling
      if (cut) found.push(`${quote(box.text)} is cut off by ${describe(cut.el)}`);
      else if (!inside(box.rect, {...space.toJSON(), top: -Infinity, bottom: Infinity})) {
        found.push(`${quote(box.text)} goes beyond the widget's ${Math.round(space.width)} px`);
      }
      const size = box.svg ? box.rect.height : parseFloat(getComputedStyle(box.el).fontSize);
      if (size < MIN_TEXT_PX) found.push(`${quote(box.text)} is too small to read (${size.toFixed(1)} px)`);
      shown.push(box);
    }
    shown.sort((a, b) => a.rect.top - b.rect.top);
    for (let i = 0; i < shown.length; i++) {
      const a = shown[i];
      for (let j = i + 1; j < shown.length && shown[j].rect.top < a.rect.bottom; j++) {
        const b = shown[j];
        if (a.node && a.node === b.node) continue;
        const wide = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const high = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (wide > 2 && high > 2) found.push(`${quote(a.text)} overlaps ${quote(b.text)}`);
      }
    }
    const lines = new Map();
    for (const box of shown) if (box.node) lines.set(box.node, (lines.get(box.node) || 0) + 1);
    for (const [node, count] of lines) {
      if (count < 2) continue;
      for (const cut of midWordBreaks(node)) found.push(`a line breaks inside a word: "${cut}"`);
    }
    return [...new Set(found)];
  }

  // Every saved widget view on a page of the HTML edition, in order.
  function views() {
    return Array.from(document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]'))
      .map(script => script.previousElementSibling);
  }

  return {problems, views, all: () => views().map(problems)};
}());
