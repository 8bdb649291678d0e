import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { ROOT } from '../helpers/action.ts';

/**
 * GitHub's rules for an action's metadata, which the Marketplace's "Publish this Action" form applies to action.yml at
 * the release tag, after the tag exists: a failure here would only show then.
 *
 * Source of BRANDING_ICONS, OMITTED_ICONS and BRANDING_COLORS: "Metadata syntax reference", section `branding`
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax#branding; github/docs
 * content/actions/reference/workflows-and-actions/metadata-syntax.md, read December 2026): "the v4.28.0 Feather icon",
 * "Exhaustive list of all currently supported icons", and the omitted ones.
 * The description limit is not in GitHub's documentation; it is the form's own refusal, "Description must be less
 * than 125 characters", as projects that met it quote it (for example jestatsio/toolprint v0.3.1,
 * mcarvin8/apex-code-coverage-transformer#380). Nor is a limit on the name: the form shows the name as the listing's
 * title and derives its address from it, so this test keeps it to 50 characters, a bound of its own (the listing
 * "Backport merged pull requests to selected branches", 50, was accepted: korthout/backport-action#307).
 */
const BRANDING_ICONS = `
  activity airplay alert-circle alert-octagon alert-triangle align-center align-justify align-left align-right anchor
  aperture archive arrow-down-circle arrow-down-left arrow-down-right arrow-down arrow-left-circle arrow-left
  arrow-right-circle arrow-right arrow-up-circle arrow-up-left arrow-up-right arrow-up at-sign award bar-chart-2
  bar-chart battery-charging battery bell-off bell bluetooth bold book-open book bookmark box briefcase calendar
  camera-off camera cast check-circle check-square check chevron-down chevron-left chevron-right chevron-up
  chevrons-down chevrons-left chevrons-right chevrons-up circle clipboard clock cloud-drizzle cloud-lightning
  cloud-off cloud-rain cloud-snow cloud code command compass copy corner-down-left corner-down-right corner-left-down
  corner-left-up corner-right-down corner-right-up corner-up-left corner-up-right cpu credit-card crop crosshair
  database delete disc dollar-sign download-cloud download droplet edit-2 edit-3 edit external-link eye-off eye
  fast-forward feather file-minus file-plus file-text file film filter flag folder-minus folder-plus folder gift
  git-branch git-commit git-merge git-pull-request globe grid hard-drive hash headphones heart help-circle home image
  inbox info italic layers layout life-buoy link-2 link list loader lock log-in log-out mail map-pin map maximize-2
  maximize menu message-circle message-square mic-off mic minimize-2 minimize minus-circle minus-square minus monitor
  moon more-horizontal more-vertical move music navigation-2 navigation octagon package paperclip pause-circle pause
  percent phone-call phone-forwarded phone-incoming phone-missed phone-off phone-outgoing phone pie-chart play-circle
  play plus-circle plus-square plus pocket power printer radio refresh-ccw refresh-cw repeat rewind rotate-ccw
  rotate-cw rss save scissors search send server settings share-2 share shield-off shield shopping-bag shopping-cart
  shuffle sidebar skip-back skip-forward slash sliders smartphone speaker square star stop-circle sun sunrise sunset
  table tablet tag target terminal thermometer thumbs-down thumbs-up toggle-left toggle-right trash-2 trash
  trending-down trending-up triangle truck tv type umbrella underline unlock upload-cloud upload user-check
  user-minus user-plus user-x user users video-off video voicemail volume-1 volume-2 volume-x volume watch wifi-off
  wifi wind x-circle x-square x zap-off zap zoom-in zoom-out
`
  .trim()
  .split(/\s+/);
const OMITTED_ICONS = [
  'coffee',
  'columns',
  'divide-circle',
  'divide-square',
  'divide',
  'frown',
  'hexagon',
  'key',
  'meh',
  'mouse-pointer',
  'smile',
  'tool',
  'x-octagon',
];
const BRANDING_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'];
/** The Marketplace refuses a description of this many characters or more. */
const DESCRIPTION_LIMIT = 125;
/** This project's bound on the name (see above). */
const NAME_LIMIT = 50;

describe("action.yml meets the GitHub Marketplace's metadata rules", () => {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    name?: unknown;
    description?: unknown;
    branding?: { icon?: unknown; color?: unknown };
  };

  it('has a name, short and on one line', () => {
    assert.equal(typeof action.name, 'string');
    const name = action.name as string;
    assert.ok(name.trim().length > 0 && name === name.trim() && !name.includes('\n'), JSON.stringify(name));
    assert.ok(name.length <= NAME_LIMIT, `name is ${name.length} characters: ${name}`);
  });

  it(`has a description under ${DESCRIPTION_LIMIT} characters that still says what the action does`, () => {
    assert.equal(typeof action.description, 'string');
    const description = action.description as string;
    assert.ok(
      description.length > 0 && description.length < DESCRIPTION_LIMIT,
      `description is ${description.length} characters (the Marketplace refuses ${DESCRIPTION_LIMIT} or more): ${description}`,
    );
    assert.ok(!description.includes('\n'), 'one line');
    for (const word of [/\bnpm\b/, /\bpublish/i, /\b2FA\b|two-factor/, /one-time password/, /web approval/]) assert.match(description, word);
  });

  it("brands it with an icon of GitHub's supported Feather set and one of its colours", () => {
    assert.equal(BRANDING_ICONS.length, 257, 'the list above, whole');
    assert.deepEqual(
      OMITTED_ICONS.filter((icon) => BRANDING_ICONS.includes(icon)),
      [],
      'the omitted icons are not in the supported list',
    );
    assert.ok(BRANDING_ICONS.includes(action.branding?.icon as string), `branding.icon ${String(action.branding?.icon)} is not a supported icon`);
    assert.ok(
      BRANDING_COLORS.includes(action.branding?.color as string),
      `branding.color ${String(action.branding?.color)} is not one of ${BRANDING_COLORS.join(', ')}`,
    );
  });
});
