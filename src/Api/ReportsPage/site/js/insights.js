// Asset insights: the library's top assets by popularity score and one folder's assets, sorted and
// paged (insights.graphql, one request), and the performance trend of the asset the reader picks
// (asset.graphql, one request; the top asset at first).
import { run } from './graphql.js';
import { h, show, table, figure, approximateNote, failure, loading } from './widgets.js';
import { lineChart } from './charts.js';
import * as f from './format.js';

const PAGE_SIZE = 10;

const SORTS = [
  ['IMPRESSIONS', 'Impressions', (a) => a.impressions, f.count],
  ['CLICKS', 'Clicks', (a) => a.clicks, f.count],
  ['CLICK_THROUGH_RATE', 'Click-through', (a) => a.clickThroughRate, f.share],
  ['RATING_COUNT', 'Ratings', (a) => a.ratings.count, f.count],
  ['AVERAGE_RATING', 'Average rating', (a) => a.ratings.average, f.number],
  ['USAGE', 'Uses', (a) => a.usage.total, f.count],
  ['POPULARITY_SCORE', 'Popularity', (a) => a.popularityScore, f.count],
];

/** Per page view: the folder shown, its sort and page, and the asset whose trend is drawn. */
const state = { folder: '', sortBy: 'POPULARITY_SCORE', order: 'DESC', page: 1, asset: null };

export async function insights(ctx, el, { keepState = false } = {}) {
  if (!keepState) Object.assign(state, { page: 1, asset: null });
  const { data, errors } = await run('insights', { month: ctx.month, folder: state.folder, sortBy: state.sortBy, order: state.order, page: state.page, pageSize: PAGE_SIZE }, ctx.key);
  // A folder that no event names answers NOT_FOUND for that field only: say so where it would be.
  const errorAt = (field) => errors.find((e) => e.path?.includes(field))?.message ?? 'No data.';
  const topAssets = data.environment.topAssets ?? { assets: [], approximateFigures: [] };
  const folder = data.environment.folder;
  state.asset ??= topAssets.assets[0]?.asset ?? null;

  const assetButton = (a) => h('button', { type: 'button', class: 'link', dataset: { asset: a.asset.id }, 'aria-label': `Show the performance trend of ${a.asset.name ?? a.asset.id}` }, a.asset.name ?? a.asset.id);
  const top = figure('Top assets by popularity score', table('Top assets by popularity score', [
    { label: 'Asset', value: assetButton },
    { label: 'Popularity', numeric: true, value: (a) => f.count(a.popularityScore), raw: (a) => a.popularityScore },
    { label: 'Impressions', numeric: true, value: (a) => f.count(a.impressions), raw: (a) => a.impressions },
    { label: 'Clicks', numeric: true, value: (a) => f.count(a.clicks), raw: (a) => a.clicks },
  ], topAssets.assets, { empty: 'No asset had an impression or a click in this month.' }),
  { operation: 'insights', field: 'environment.topAssets: folder(path: "")' });
  top.insertBefore(h('p', { class: 'muted' }, 'Popularity: impressions + 10 × clicks, 100 for the best asset of the month. Pick an asset to see its trend.'), top.children[1]);

  const trend = h('div', { class: 'figure', id: 'asset-trend' });
  show(el, approximateNote(topAssets.approximateFigures), h('div', { class: 'grid' }, top, trend),
    Object.assign(folder ? folderView(ctx, el, folder) : folderView(ctx, el, null, errorAt('folder')), { id: 'folder-view' }));

  el.querySelectorAll('button[data-asset]').forEach((b) => b.addEventListener('click', () => {
    state.asset = { id: b.dataset.asset, name: b.textContent };
    assetTrend(ctx, trend);
    trend.querySelector('h3')?.focus();
  }));
  await assetTrend(ctx, trend);
}

async function assetTrend(ctx, el) {
  if (!state.asset) { show(el, h('h3', {}, 'Performance'), h('p', { class: 'empty' }, 'No asset to show.')); return; }
  loading(el);
  try {
    const { data } = await run('asset', { id: state.asset.id, month: ctx.month, interval: 'DAY' }, ctx.key);
    const a = data.environment.asset;
    const points = a.performance;
    show(el, h('h3', { tabindex: '-1' }, `Performance of ${a.asset.name ?? a.asset.id}, per day`),
      h('p', { class: 'muted' }, `${f.count(a.impressions)} impressions, ${f.count(a.clicks)} clicks, click-through ${f.share(a.clickThroughRate)}, popularity ${f.count(a.popularityScore)}.`),
      lineChart(`Impressions and clicks of ${a.asset.name ?? a.asset.id}`, points.map((p) => f.dayLabel(p.start)),
        [{ label: 'Impressions', values: points.map((p) => p.impressions) }, { label: 'Clicks', values: points.map((p) => p.clicks) }]),
      figure('', null, { operation: 'asset', field: 'environment.asset.performance(interval: DAY)' }));
  } catch (e) {
    failure(el, e);
  }
}

function folderView(ctx, sectionEl, folder, error) {
  const input = h('input', { type: 'text', id: 'folder-path', value: state.folder, placeholder: 'e.g. marketing/2026 (empty: the whole library)' });
  const go = h('button', { type: 'submit' }, 'Show folder');
  const form = h('form', { class: 'controls' }, h('label', { for: 'folder-path' }, 'Folder'), input, go);
  const reload = () => insights(ctx, sectionEl, { keepState: true }).catch((e) => failure(sectionEl, e));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); Object.assign(state, { folder: input.value.trim(), page: 1 }); reload(); });

  if (!folder) {
    return figure('Folder view', h('div', {}, form, h('p', { class: 'error', role: 'alert' }, error)), { operation: 'insights', field: 'environment.folder' });
  }
  const header = ([sort, label]) => {
    const sorted = state.sortBy === sort;
    const button = h('button', { type: 'button', 'aria-label': `Sort by ${label}` }, label);
    button.addEventListener('click', () => {
      Object.assign(state, { order: sorted && state.order === 'DESC' ? 'ASC' : 'DESC', sortBy: sort, page: 1 });
      reload();
    });
    return h('th', { scope: 'col', class: 'num', 'aria-sort': sorted ? (state.order === 'DESC' ? 'descending' : 'ascending') : null }, button);
  };
  const columns = [{ label: 'Asset', value: (a) => a.asset.name ?? a.asset.id },
    ...SORTS.map((s) => ({ header: header(s), numeric: true, value: (a) => s[3](s[2](a)), raw: (a) => s[2](a) }))];
  const pager = h('div', { class: 'pager' });
  const prev = h('button', { type: 'button', disabled: folder.page <= 1 }, 'Previous page');
  const next = h('button', { type: 'button', disabled: folder.page >= folder.pageCount }, 'Next page');
  prev.addEventListener('click', () => { state.page = Math.max(1, folder.page - 1); reload(); });
  next.addEventListener('click', () => { state.page = folder.page + 1; reload(); });
  pager.append(prev, h('span', { role: 'status' }, `Page ${f.count(folder.page)} of ${f.count(folder.pageCount)} · ${f.count(folder.totalAssets)} assets`), next);

  return figure(folder.path ? `Folder ${folder.path} and its subfolders` : 'Every asset of the library', h('div', {}, form,
    table('Folder view', columns, folder.assets, { empty: 'No asset of this folder had an event in this month.' }), pager),
  { operation: 'insights', field: 'environment.folder' });
}
