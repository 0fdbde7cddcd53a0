import type { Dictionary } from '../dictionary';

export const embedEn: Dictionary['embed'] = {
  widget: {
    title: 'Upcoming events – Chợ HTX',
    heading: 'Upcoming events',
    empty: 'No upcoming events match these filters yet.',
    ignored: 'Filters that were not valid were ignored: {fields}.',
    /** The filters a notice names, in words: the query's keys are the same in both languages. */
    fields: {
      province: 'province',
      kind: 'kind of event',
      cooperative: 'cooperative',
      format: 'format',
      count: 'number of events',
    },
    all: 'See the full events calendar on Chợ HTX',
    newTab: 'Links open in a new tab.',
  },
  generator: {
    title: 'Embed the events calendar in another site',
    lead: 'Provincial, district and commune portals can show Chợ HTX’s upcoming events. Choose the filters, preview, then copy the code into your page. The frame follows the page’s width and needs no JavaScript.',
    legend: 'Which events',
    province: 'Province or city',
    allProvinces: 'All provinces and cities',
    kind: 'Kind of event',
    allKinds: 'All kinds',
    cooperative: 'Cooperative (its page address, to show only events it takes part in)',
    cooperativeHint: 'For example: htx-mat-ong-meo-vac. Leave empty for every event.',
    language: 'Language of the frame',
    count: 'Number of events shown',
    countHint: 'From 1 to {max}.',
    invalid: 'Some values could not be used (marked below), so the code leaves them out.',
    make: 'Make the code',
    snippetHeading: 'Code to copy',
    snippetLabel: 'HTML of the embedded frame',
    snippetHint: 'Paste this code into your HTML page where the calendar should appear.',
    previewHeading: 'Preview',
    frameTitle: 'Upcoming events on Chợ HTX',
    json: 'Want your own design? The events are available as JSON (callable from other sites, CORS): {url}',
    nav: 'Embed calendar',
  },
};
