/**
 * One cooperative row with its value-chain links and cooperative-wide
 * certificates, shared by the demo and the scale generator.
 */
import type { CooperativeKind, CooperativeSector } from '../../cooperatives/vocabulary';
import {
  CERTIFICATION_BODIES,
  type CooperativeSeed,
  HAMLET_NAMES,
  HAMLET_WORD,
  KIND_WORDS,
  PARTNERS,
  SECTOR_SENTENCES,
  STREET_NAMES,
} from './content/cooperatives';
import { type ProductType, productType } from './content/products';
import { provinceByCode } from '../../provinces/reference';
import { hashSeed, Rng } from './random';
import { communeCentre } from '../../provinces/communes';
import { PROVINCE_SEAT_COORDINATES } from '../../provinces/seats';
import { stripDiacritics } from '../../search/slug';
import { addDays, addDaysIso, addYearsIso, isoDate, localDay } from './time';
import type { CertificationRow, CooperativeRow, ValueChainLinkRow } from './types';
import { verifiedReview } from './claims';

export type ChildTable = 'valueChainLinks' | 'ocopRatings' | 'certifications' | 'batches' | 'provenanceSteps';
/** Hands out the ids of rows owned by one parent, in creation order. */
export type NextId = (table: ChildTable) => string;

export interface CooperativeIdentity {
  id: string;
  slug: string;
  registrationCode: string;
}

/** What products, batches and provenance steps need to know about their cooperative. */
export interface CooperativeContext {
  id: string;
  name: string;
  kind: CooperativeKind;
  provinceCode: string;
  commune: string;
  place: string;
  placeEn: string;
  originFormerly: string | null;
  types: readonly ProductType[];
  createdAt: Date;
  partners: readonly string[];
}

/**
 * A place within a kilometre or so of the commune's centre (some kilometres
 * from the province's seat for a commune without one), from a stream of its
 * own (keyed on the id) so the rest of the seed draws the same numbers as
 * before. One in ten is left without, to show the map's approximate fallback.
 */
function seedLocation(
  id: string,
  provinceCode: string,
  commune: string,
): { latitude: number | null; longitude: number | null } {
  const rng = new Rng(hashSeed('location', id));
  const centre = communeCentre(provinceCode, commune);
  const seat = PROVINCE_SEAT_COORDINATES[provinceCode];
  if (!seat || rng.chance(0.1)) return { latitude: null, longitude: null };
  const [lat, lng, spread] = centre ? [centre.latitude, centre.longitude, 0.02] : [seat[0], seat[1], 0.16];
  const around = (degrees: number) => Math.round((degrees + (rng.next() - 0.5) * spread) * 1e5) / 1e5;
  return { latitude: around(lat), longitude: around(lng) };
}

export interface BuiltCooperative {
  row: CooperativeRow;
  context: CooperativeContext;
  links: ValueChainLinkRow[];
  certifications: CertificationRow[];
}

/** Vietnamese mobile prefixes after +84 (Viettel, VinaPhone, MobiFone, Vietnamobile). */
const MOBILE_PREFIXES = [
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '56',
  '58',
  '70',
  '76',
  '77',
  '78',
  '79',
  '81',
  '82',
  '83',
  '84',
  '85',
  '86',
  '88',
  '89',
  '90',
  '91',
  '93',
  '94',
  '96',
  '97',
  '98',
  '99',
] as const;

export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** "xã Bát Tràng" -> "Bat Trang Commune", "phường Hà Đông" -> "Ha Dong Ward". */
function communeEn(commune: string): string {
  const ascii = stripDiacritics(commune);
  const match = /^(xa|phuong|dac khu) (.+)$/.exec(ascii);
  if (!match) return ascii;
  const word = match[1] === 'xa' ? 'Commune' : match[1] === 'phuong' ? 'Ward' : 'Special Zone';
  return `${match[2]} ${word}`;
}

/** A short host label from the slug: "hop-tac-xa-che-tan-cuong" -> "htx-che-tan-cuong". */
function domainLabel(slug: string): string {
  const short = slug
    .replace(/^hop-tac-xa-/, 'htx-')
    .replace(/^to-hop-tac-/, 'tht-')
    .replace(/^lien-hiep-htx-/, 'lhhtx-');
  if (short.length <= 40) return short;
  return short.slice(0, 40).replace(/-[^-]*$/, '');
}

function foundedYear(rng: Rng, kind: CooperativeKind): number {
  if (kind === 'lien_hiep_htx') return rng.int(2008, 2022);
  if (kind === 'to_hop_tac') return rng.int(2012, 2024);
  return rng.chance(0.3) ? rng.int(1997, 2008) : rng.int(2009, 2024);
}

function memberCount(rng: Rng, kind: CooperativeKind): number {
  if (kind === 'lien_hiep_htx') return rng.int(150, 800);
  if (kind === 'to_hop_tac') return rng.int(7, 35);
  return rng.chance(0.6) ? rng.int(7, 60) : rng.int(60, 350);
}

export function buildCooperative(
  rng: Rng,
  seed: CooperativeSeed,
  identity: CooperativeIdentity,
  now: Date,
  nextId: NextId,
): BuiltCooperative {
  const province = provinceByCode(seed.provinceCode);
  const types = seed.types.map(productType);
  const firstType = types[0];
  if (!firstType) throw new Error(`${seed.name} has no product types`);
  const sector: CooperativeSector = seed.kind === 'lien_hiep_htx' ? 'dich_vu' : firstType.sector;
  const founded = foundedYear(rng, seed.kind);
  const members = memberCount(rng, seed.kind);
  const classification = rng.weighted([
    ['tot', 35],
    ['kha', 40],
    ['trung_binh', 15],
    ['yeu', 3],
    [null, 7],
  ] as const);
  const classified = seed.kind === 'to_hop_tac' ? null : classification;
  const createdAt = addDays(now, -rng.int(90, 900));
  const updatedAt = addDays(createdAt, rng.int(0, 60));

  const isWard = seed.commune.startsWith('phường');
  const street = isWard
    ? `Số ${rng.int(2, 280)} đường ${rng.pick(STREET_NAMES)}`
    : `${HAMLET_WORD[province.region] ?? 'Thôn'} ${rng.pick(HAMLET_NAMES)}`;
  const address = `${street}, ${seed.commune}, ${province.nameVi}`;

  const phone = `+84${rng.pick(MOBILE_PREFIXES)}${rng.digits(7)}`;
  const domain = domainLabel(identity.slug);
  const hasWebsite = rng.chance(0.4);
  const verified = rng.chance(0.85);
  const verifiedAt = addDays(createdAt, rng.int(1, 20));

  const [kindVi, kindEn] = KIND_WORDS[seed.kind];
  const [sectorVi, sectorEn] = SECTOR_SENTENCES[sector];
  const productsVi = types.map((t) => t.stem.toLowerCase()).join(', ');
  const placeEn = seed.placeEn ?? stripDiacritics(seed.place);
  const row: CooperativeRow = {
    id: identity.id,
    slug: identity.slug,
    kind: seed.kind,
    name: seed.name,
    registrationCode: identity.registrationCode,
    foundedYear: founded,
    provinceCode: province.code,
    commune: seed.commune,
    address,
    ...seedLocation(identity.id, province.code, seed.commune),
    sector,
    members,
    classification: classified,
    classificationYear: classified === null ? null : localDay(now).year - 1,
    descriptionVi: `${seed.name} là ${kindVi.toLowerCase()} được thành lập năm ${founded} tại ${seed.commune}, ${province.nameVi}, hiện có ${members} thành viên. ${sectorVi} Sản phẩm chủ lực: ${productsVi}.`,
    descriptionEn: `A ${kindEn} founded in ${founded} in ${communeEn(seed.commune)}, ${province.nameEn}, with ${members} members. ${sectorEn} Known for its ${placeEn} products.`,
    phone,
    email: `lienhe@${domain}.example.vn`,
    website: hasWebsite ? `https://${domain}.example.vn` : null,
    zalo: phone.slice(1),
    logoUrl: null,
    images: [],
    verified,
    verifiedAt: verified ? verifiedAt : null,
    verificationEvidence: verified
      ? `Giấy chứng nhận đăng ký hợp tác xã số ${identity.registrationCode}, đối chiếu ngày ${isoDate(verifiedAt)}`
      : null,
    status: 'active',
    statusReason: null,
    isDemo: true,
    createdAt,
    updatedAt,
  };

  const partners = rng.sample(PARTNERS, 3);
  const linkCount = rng.chance(0.5) ? rng.int(1, 3) : 0;
  const thisYear = localDay(now).year;
  const links: ValueChainLinkRow[] = partners.slice(0, linkCount).map((partnerName) => ({
    id: nextId('valueChainLinks'),
    cooperativeId: identity.id,
    partnerName,
    role: rng.weighted([
      ['buyer', 3],
      ['distributor', 3],
      ['supplier', 2],
      ['processor', 1],
      ['exporter', 1],
    ] as const),
    since: rng.int(Math.max(founded, 2012), thisYear - 1),
  }));

  const certifications: CertificationRow[] = [];
  const processes = sector === 'che_bien' || sector === 'thuy_san';
  if (processes && rng.chance(0.5)) {
    const kind = rng.chance(0.5) ? 'haccp' : 'iso22000';
    const validFrom = isoDate(addDays(now, -rng.int(60, 1400)));
    const year = validFrom.slice(0, 4);
    certifications.push({
      id: nextId('certifications'),
      productId: null,
      cooperativeId: identity.id,
      kind,
      number: kind === 'haccp' ? `HACCP ${rng.digits(4)}/${year}` : `ISO 22000:2018 – VN${rng.digits(5)}`,
      issuer: rng.pick(CERTIFICATION_BODIES),
      validFrom,
      validUntil: addDaysIso(addYearsIso(validFrom, 3), -1),
      evidenceUrl: null,
      ...verifiedReview(validFrom, now),
    });
  }

  return {
    row,
    context: {
      id: identity.id,
      name: seed.name,
      kind: seed.kind,
      provinceCode: province.code,
      commune: seed.commune,
      place: seed.place,
      placeEn,
      originFormerly: seed.originFormerly ?? null,
      types,
      createdAt,
      partners: links.length > 0 ? links.map((l) => l.partnerName) : partners,
    },
    links,
    certifications,
  };
}
