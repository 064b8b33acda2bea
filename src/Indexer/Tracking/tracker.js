/*! GraphReports tracker: impressions, clicks and ratings of tracked images. No cookie, nothing kept in the browser. See docs/site-tracking.md */
(function (w, d, n) {
  'use strict';
  var script = d.currentScript, key = script && script.getAttribute('data-site-key');
  if (!key || w.GraphReports) return;
  var ATTR = 'data-graphreports-asset', IMAGES = 'img[' + ATTR + ']', MAX = 50;
  var endpoint = new URL('/v1/beacons?key=' + encodeURIComponent(key), script.src).href;
  var queue = [], waiting = [], timer = 0, shown = {}, watched = new WeakSet();

  // Tracking is off while the page says so, or the browser sends Do-Not-Track or Global Privacy Control.
  function off() {
    return w.graphReportsOptOut === true || n.doNotTrack == '1' || w.doNotTrack == '1' || n.globalPrivacyControl === true;
  }

  // Made here, so a batch sent again keeps its ids and the Indexer counts each event once.
  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16)), s = '';
    b[6] = b[6] & 15 | 64; b[8] = b[8] & 63 | 128;
    for (var i = 0; i < 16; i++) s += (i == 4 || i == 6 || i == 8 || i == 10 ? '-' : '') + (b[i] + 256).toString(16).slice(1);
    return s;
  }

  function send(type, asset, rating) {
    if (off()) return false;
    // The page without its query string and fragment, which can hold personal data.
    var e = { id: uuid(), type: type, timestamp: new Date().toISOString(), asset: { id: asset }, page: location.origin + location.pathname };
    if (rating) e.rating = rating;
    queue.push(e);
    if (queue.length >= MAX) flush(); else if (!timer) timer = setTimeout(flush, 1000);
    return true;
  }

  function retry(batch) {
    if (++batch.tries <= 3) { waiting.push(batch); setTimeout(flush, 2000 * batch.tries); }
  }

  // While the page is open: fetch (keepalive), whose failures can be retried; when it is left: sendBeacon.
  function flush(leaving) {
    clearTimeout(timer); timer = 0;
    if (off()) queue = waiting = [];
    while (queue.length) waiting.push({ events: queue.splice(0, MAX), tries: 0 });
    var batches = waiting; waiting = [];
    batches.forEach(function (batch) {
      var body = JSON.stringify(batch.events);
      if (leaving === true || !w.fetch) {
        if (!(n.sendBeacon && n.sendBeacon(endpoint, body))) retry(batch);
      } else {
        fetch(endpoint, { method: 'POST', body: body, keepalive: true, credentials: 'omit' }).then(function (r) {
          if (r.status == 429 || r.status > 499) retry(batch);
        }, function () { retry(batch); });
      }
    });
  }

  // An impression: once per asset and page view, when the image has loaded and half of it is in view.
  var io = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      var img = entry.target, asset = img.getAttribute(ATTR);
      if (asset && entry.intersectionRatio >= 0.5 && img.complete && img.naturalWidth > 0) {
        io.unobserve(img);
        if (!shown[asset]) { shown[asset] = 1; send('asset.impression', asset); }
      }
    });
  }, { threshold: 0.5 });

  function watch(img) {
    if (watched.has(img)) return;
    watched.add(img);
    io.observe(img);
    // Observed again once loaded: the entry then measures the image at its loaded size.
    img.addEventListener('load', function () { io.unobserve(img); io.observe(img); });
  }

  function scan(node) {
    if (node.matches && node.matches(IMAGES)) watch(node);
    if (node.querySelectorAll) [].forEach.call(node.querySelectorAll(IMAGES), watch);
  }

  scan(d.documentElement);
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      if (r.type == 'attributes') scan(r.target); else [].forEach.call(r.addedNodes, scan);
    });
  }).observe(d.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: [ATTR] });

  d.addEventListener('click', function (e) {
    var img = e.target.closest && e.target.closest(IMAGES);
    if (img) send('asset.click', img.getAttribute(ATTR));
  }, true);
  d.addEventListener('visibilitychange', function () { if (d.visibilityState == 'hidden') flush(true); });
  w.addEventListener('pagehide', function () { flush(true); });

  w.GraphReports = {
    /** Sends a rating (an integer 1 to 5) of an asset; false when tracking is off. */
    rate: function (asset, rating) {
      if (typeof asset != 'string' || !asset) throw new TypeError('GraphReports.rate: assetId must be a non-empty string');
      if (rating !== (rating | 0) || rating < 1 || rating > 5) throw new RangeError('GraphReports.rate: rating must be an integer from 1 to 5');
      return send('asset.rated', asset, rating);
    },
    /** Sends what is queued now. */
    flush: function () { flush(); }
  };
})(window, document, navigator);
