// The report's sections. Each loads with ONE GraphQL request (an example operation of
// schema/examples/) and draws its cards, tables and charts from that answer alone.
import { run } from './graphql.js';
import { h, show, table, figure, summaryCard, approximateNote, approx } from './widgets.js';
import { trendChart } from './charts.js';
import * as f from './format.js';

const LIMIT = 10;

const rankCol = { label: '#', numeric: true, value: (r) => f.count(r.rank), raw: (r) => r.rank };
const countCol = (label = 'Count') => ({ label, numeric: true, value: (r) => f.count(r.count), raw: (r) => r.count });
const textCol = (label) => ({ label, value: (r) => r.text });
const assetCol = { label: 'Asset', value: (r) => r.asset.name ?? r.asset.id };
const collectionCol = { label: 'Collection', value: (r) => r.collection.name ?? r.collection.id };
const userCol = { label: 'User', value: (r) => r.user };

/** A CSV export of this section's figure, with the page's month (and bulk and limit where they apply). */
const csv = (ctx, section, name, { bulk = false, top = false } = {}) => ({
  section, figure: name,
  params: { ...(ctx.month ? { month: ctx.month } : {}), ...(bulk ? { includeBulk: String(ctx.includeBulk) } : {}), ...(top ? { limit: String(LIMIT) } : {}) },
});

const openNote = (report) => (report.closed ? null
  : h('p', { class: 'badge open' }, `${f.monthName(report.month)} is still open: its figures and the last point of each trend count the month so far.`));

export async function summary(ctx, el) {
  const { data } = await run('summary', { month: ctx.month, includeBulk: ctx.includeBulk }, ctx.key);
  const env = data.environment;
  const s = env.summary;
  const approxNames = new Set(s.approximateFigures);
  const options = (name) => ({ open: !s.closed, previousMonth: s.previousMonth, toDateUntil: s.previousToDateUntil, approximate: approxNames.has(name) });
  const cards = [
    ['activeUsers', 'Active users'], ['searches', 'Searches'], ['downloads', s.includesBulk ? 'Downloads (bulk included)' : 'Downloads (bulk left out)'],
    ['uploads', 'Uploads'], ['collectionsViewed', 'Public collection views'],
  ].map(([name, label]) => summaryCard(name, label, s[name], options(name)));
  show(el,
    openNote(s),
    s.closed ? null : h('p', { class: 'muted' }, `Fair comparison for an open month: ${f.monthName(s.previousMonth)} from its first day up to the same day and time (${f.wallClock(s.previousToDateUntil)}, ${env.timeZone}).`),
    approximateNote(s.approximateFigures),
    h('div', { class: 'cards' }, cards),
    figure('Headline figures', null, { operation: 'summary', field: 'environment.summary', csv: csv(ctx, 'summary', 'figures', { bulk: true }) }));
  return env;
}

export async function engagement(ctx, el) {
  const { data } = await run('engagement', { month: ctx.month, includeBulk: ctx.includeBulk, limit: LIMIT }, ctx.key);
  const e = data.environment.engagement;
  show(el, openNote(e), approximateNote(e.approximateFigures), h('div', { class: 'grid' },
    figure('Most engaged users', table('Most engaged users', [rankCol, userCol,
      { label: 'Searches', numeric: true, value: (r) => f.count(r.searches), raw: (r) => r.searches },
      { label: e.includesBulk ? 'Downloads' : 'Downloads (no bulk)', numeric: true, value: (r) => f.count(r.downloads), raw: (r) => r.downloads },
      { label: 'Uploads', numeric: true, value: (r) => f.count(r.uploads), raw: (r) => r.uploads },
      { label: 'Total', numeric: true, value: (r) => f.count(r.total), raw: (r) => r.total }], e.topUsers),
    { operation: 'engagement', field: 'environment.engagement.topUsers', csv: csv(ctx, 'engagement', 'topUsers', { bulk: true, top: true }) }),
    figure('Engaged users and active sessions, 12 months', trendChart('Engaged users and active sessions',
      [{ label: 'Engaged users', points: e.engagedUsersTrend }, { label: 'Active sessions', points: e.activeSessionsTrend }]),
    { operation: 'engagement', field: 'environment.engagement.engagedUsersTrend, activeSessionsTrend', csv: [csv(ctx, 'engagement', 'engagedUsersTrend'), csv(ctx, 'engagement', 'activeSessionsTrend')] })));
}

export async function search(ctx, el) {
  const { data } = await run('search', { month: ctx.month, limit: LIMIT }, ctx.key);
  const s = data.environment.search;
  const src = (field, name) => ({ operation: 'search', field: `environment.search.${field}`, csv: name ? csv(ctx, 'search', name, { top: !name.endsWith('Trend') }) : undefined });
  const texts = (title, field) => figure(title, table(title, [rankCol, textCol('Text'), countCol('Searches')], s[field]), src(field, field));
  show(el, openNote(s), approximateNote(s.approximateFigures),
    h('div', { class: 'cards' }, h('article', { class: 'card', dataset: { figure: 'searchSuccess' } },
      h('div', { class: 'label' }, 'Search success: sessions with a download after their first search'),
      h('div', { class: 'value', dataset: { value: String(s.success.rate ?? '') } }, f.share(s.success.rate)),
      h('dl', {}, h('dt', {}, 'Search sessions'), h('dd', {}, f.count(s.success.searchSessions)),
        h('dt', {}, 'Successful'), h('dd', {}, f.count(s.success.successfulSessions))))),
    h('div', { class: 'grid' },
      figure('Searches, 12 months', trendChart('Searches', [{ label: 'Searches', points: s.searchesTrend }]), src('searchesTrend', 'searchesTrend')),
      figure('Searchers, 12 months', trendChart('Searchers', [{ label: 'Distinct searchers', points: s.searchersTrend }]), src('searchersTrend', 'searchersTrend')),
      texts('Top searches', 'topSearches'),
      texts('Searches that found nothing', 'topSearchesWithoutResults'),
      figure('Top filter values', table('Top filter values', [rankCol, { label: 'Field', value: (r) => r.field }, { label: 'Value', value: (r) => r.value }, countCol('Searches')], s.topFilterValues), src('topFilterValues', 'topFilterValues')),
      texts('Top search expressions', 'topExpressions'),
      texts('Visual search: top terms', 'topVisualSearchTerms'),
      figure('Visual search: top reference images', table('Top reference images', [rankCol, assetCol, countCol('Searches')], s.topReferenceImages), src('topReferenceImages', 'topReferenceImages'))));
}

export async function downloads(ctx, el) {
  const { data } = await run('downloads', { month: ctx.month, includeBulk: ctx.includeBulk, limit: LIMIT }, ctx.key);
  const d = data.environment.downloads;
  const src = (field) => ({ operation: 'downloads', field: `environment.downloads.${field}`, csv: csv(ctx, 'downloads', field, { bulk: true, top: field === 'topAssets' }) });
  show(el, openNote(d), approximateNote(d.approximateFigures),
    h('p', { class: 'muted', dataset: { includesBulk: String(d.includesBulk) } }, d.includesBulk ? 'Bulk downloads are counted.' : 'Bulk downloads are left out (unless the switch above is on).'),
    h('div', { class: 'grid' },
      figure('Downloads, 12 months', trendChart('Downloads', [{ label: 'Downloads', points: d.downloadsTrend }]), src('downloadsTrend')),
      figure('Downloaders and unique assets, 12 months', trendChart('Downloaders and unique assets',
        [{ label: 'Downloaders', points: d.downloadersTrend }, { label: 'Unique assets', points: d.uniqueAssetsTrend }]),
      { ...src('downloadersTrend'), field: 'environment.downloads.downloadersTrend, uniqueAssetsTrend', csv: [src('downloadersTrend').csv, src('uniqueAssetsTrend').csv] }),
      figure('Most downloaded assets', table('Most downloaded assets', [rankCol, assetCol, countCol('Downloads')], d.topAssets), src('topAssets'))));
}

export async function collections(ctx, el) {
  const { data } = await run('collections', { month: ctx.month, limit: LIMIT }, ctx.key);
  const c = data.environment.collections;
  const src = (field, top = false) => ({ operation: 'collections', field: `environment.collections.${field}`, csv: csv(ctx, 'collections', field, { top }) });
  show(el, openNote(c), approximateNote(c.approximateFigures), h('div', { class: 'grid' },
    figure('Public collection downloads, 12 months: original and transformed files', trendChart('Public collection downloads',
      [{ label: 'Original files', points: c.downloadsTrend.map((p) => ({ ...p, value: p.original })) },
        { label: 'Transformed (preset)', points: c.downloadsTrend.map((p) => ({ ...p, value: p.transformed })) }]), src('downloadsTrend')),
    figure('Public collection views and collections created, 12 months', trendChart('Collection views and collections created',
      [{ label: 'Views', points: c.viewsTrend }, { label: 'Created', points: c.createdTrend }]),
    { ...src('viewsTrend'), field: 'environment.collections.viewsTrend, createdTrend', csv: [src('viewsTrend').csv, src('createdTrend').csv] }),
    figure('Most viewed public collections', table('Most viewed public collections', [rankCol, collectionCol, countCol('Views')], c.topViewed), src('topViewed', true)),
    figure('Most downloaded public collections', table('Most downloaded public collections', [rankCol, collectionCol, countCol('Downloads')], c.topDownloaded), src('topDownloaded', true)),
    figure('Top collection creators', table('Top collection creators', [rankCol, userCol, countCol('Created')], c.topCreators), src('topCreators', true))));
}

export { insights } from './insights.js';
