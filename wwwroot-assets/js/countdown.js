// Ticks every countdown on the page in the browser. The server renders each countdown once, with its
// target, the server's clock at that render and the text's format (CountdownText.razor), and is not
// asked again each second: fifty open boards used to cost the server a render batch a second each.
// The countdown keeps moving while the connection is down, too.
//
// The server's clock is the reference (a browser's own clock may be set wrong): the time shown is the
// server's "now" at the render plus the time elapsed since this script first saw that render, on the
// browser's monotonic clock. A new render (a new data-countdown-now) starts the count again.
(() => {
  const seen = new WeakMap();

  const pad = (n) => String(n).padStart(2, '0');

  // The same text as TimeTextFormatter.Countdown: whole days, then hours, minutes and seconds, never below zero.
  function format(template, remainingMs) {
    let seconds = Math.max(0, Math.floor(remainingMs / 1000));
    const days = Math.floor(seconds / 86400);
    seconds -= days * 86400;
    const hours = Math.floor(seconds / 3600);
    seconds -= hours * 3600;
    const minutes = Math.floor(seconds / 60);
    seconds -= minutes * 60;
    const parts = [String(days), pad(hours), pad(minutes), pad(seconds)];
    return template.replace(/\{(\d)\}/g, (_, i) => parts[Number(i)]);
  }

  function tick() {
    const now = performance.now();
    for (const element of document.querySelectorAll('[data-countdown-target]')) {
      const rendered = element.dataset.countdownNow;
      let sight = seen.get(element);
      if (!sight || sight.rendered !== rendered) {
        sight = { rendered, at: now };
        seen.set(element, sight);
      }

      const serverNow = Number(rendered) + (now - sight.at);
      const text = format(element.dataset.countdownFormat, Number(element.dataset.countdownTarget) - serverNow);
      // Change the text node Blazor rendered, never replace it: Blazor keeps a reference to it.
      const node = element.firstChild;
      if (node && node.nodeType === Node.TEXT_NODE && node.data !== text) {
        node.data = text;
      }
    }
  }

  tick();
  // Four times a second: a render is picked up within a quarter second, and each second shows on time.
  setInterval(tick, 250);
})();
