/**
 * People's requests about their personal data. A buyer, from their thread's private link, downloads what the
 * portal holds about that inquiry and asks for its erasure; a trade officer sees the requests and completes them,
 * erasing as the retention job does (erasure.ts). Each step has its audit entry in the same batch.
 */
import { and, asc, desc, eq, exists, sql } from 'drizzle-orm';
import { requireOfficer } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import { auditEntryExists, auditInsertIf } from '../audit/audit-log';
import type { Database } from '../db/client';
import { newId } from '../db/ids';
import { cooperatives, inquiries, privacyRequests, users } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { readThread } from '../inquiries/thread';
import { accountErasureStatements, inquiryErasureStatements } from './erasure';
import type { PrivacyRequestStatus, PrivacyRequestSubject } from './vocabulary';

/** What the portal holds about the buyer of the inquiry a private link opens, as they download it. */
export interface BuyerDataExport {
  exportedAt: string;
  inquiry: {
    reference: string;
    createdAt: string;
    cooperative: string;
    product: string | null;
    buyer: { name: string; organisation: string | null; email: string | null; phone: string | null; country: string };
    quantity: number | null;
    unit: string | null;
    wantedBy: string | null;
    locale: string;
    consent: { toContact: boolean; noticeVersion: string | null };
    status: string;
    messages: { author: string; body: string; createdAt: string }[];
    erasureRequested: boolean;
  };
}

async function personalFields(db: Database, reference: string) {
  const [row] = await db
    .select({
      id: inquiries.id,
      organisation: inquiries.buyerOrganisation,
      email: inquiries.email,
      phone: inquiries.phone,
      country: inquiries.country,
      consentToContact: inquiries.consentToContact,
      consentNoticeVersion: inquiries.consentNoticeVersion,
      erasureRequested: exists(
        db
          .select({ one: sql`1` })
          .from(privacyRequests)
          .where(and(eq(privacyRequests.inquiryId, inquiries.id), eq(privacyRequests.status, 'pending'))),
      ).mapWith(Boolean),
    })
    .from(inquiries)
    .where(eq(inquiries.reference, reference))
    .limit(1);
  if (!row) throw new NotFoundError('inquiry', 'inquiry');
  return row;
}

/** The buyer's data of the one inquiry `token` opens; an unknown or revoked token is a NotFoundError, as for the thread. */
export async function exportBuyerData(db: Database, token: string, now: Date): Promise<BuyerDataExport> {
  const thread = await readThread(db, token);
  const personal = await personalFields(db, thread.reference);
  return {
    exportedAt: now.toISOString(),
    inquiry: {
      reference: thread.reference,
      createdAt: thread.createdAt.toISOString(),
      cooperative: thread.cooperative.name,
      product: thread.product ? (thread.locale === 'en' ? thread.product.nameEn : thread.product.nameVi) : null,
      buyer: {
        name: thread.buyerName,
        organisation: personal.organisation,
        email: personal.email,
        phone: personal.phone,
        country: personal.country,
      },
      quantity: thread.quantity,
      unit: thread.unit,
      wantedBy: thread.wantedBy,
      locale: thread.locale,
      consent: { toContact: personal.consentToContact, noticeVersion: personal.consentNoticeVersion },
      status: thread.status,
      messages: thread.messages.map((m) => ({ author: m.author, body: m.body, createdAt: m.createdAt.toISOString() })),
      erasureRequested: personal.erasureRequested,
    },
  };
}

/** Whether an erasure request of the inquiry `token` opens waits for an officer. */
export async function erasureRequested(db: Database, token: string): Promise<boolean> {
  const thread = await readThread(db, token);
  return (await personalFields(db, thread.reference)).erasureRequested;
}

/**
 * Records the buyer's request to erase their data from the inquiry `token` opens. Asking again while a request
 * waits is the same request (no second row, no second entry). The link keeps working until an officer completes it.
 */
export async function requestInquiryErasure(db: Database, token: string, confirmed: boolean, now: Date) {
  if (!confirmed) throw new ValidationError({ confirm: { code: 'required' } });
  const thread = await readThread(db, token);
  const { id: inquiryId } = await personalFields(db, thread.reference);
  const requestId = newId();
  const auditId = newId();
  const noneWaiting = sql`NOT EXISTS (SELECT 1 FROM ${privacyRequests} WHERE ${privacyRequests.inquiryId} = ${inquiryId} AND ${privacyRequests.status} = 'pending')`;
  await db.batch([
    auditInsertIf(
      db,
      {
        id: auditId,
        actorUserId: null,
        action: 'privacy_request.create',
        entityType: 'inquiry',
        entityId: inquiryId,
        detail: { requestId, subject: 'inquiry' },
        at: now,
      },
      noneWaiting,
    ),
    pendingRequestInsert(db, requestId, { inquiryId }, now, auditId),
  ]);
  return { reference: thread.reference };
}

/**
 * The insert of a pending request about an inquiry or an account, for a db.batch: it happens only if the audit
 * entry `auditId` of the same batch was written (the witness that no request was waiting).
 */
export function pendingRequestInsert(
  db: Database,
  requestId: string,
  subject: { inquiryId: string } | { userId: string },
  now: Date,
  auditId: string,
) {
  const inquiryId = 'inquiryId' in subject ? subject.inquiryId : null;
  const userId = 'userId' in subject ? subject.userId : null;
  return db.insert(privacyRequests).select(
    db
      .select({
        id: sql<string>`${requestId}`.as('id'),
        subjectType: sql<PrivacyRequestSubject>`${inquiryId === null ? 'account' : 'inquiry'}`.as('subject_type'),
        inquiryId: sql<string | null>`${inquiryId}`.as('inquiry_id'),
        userId: sql<string | null>`${userId}`.as('user_id'),
        status: sql<string>`'pending'`.as('status'),
        completedByUserId: sql<null>`NULL`.as('completed_by_user_id'),
        completedAt: sql<null>`NULL`.as('completed_at'),
        createdAt: sql<number>`${now.getTime()}`.as('created_at'),
      })
      .from(sql`(SELECT 1)`)
      .where(auditEntryExists(auditId)),
  );
}

export interface PrivacyRequestRow {
  id: string;
  subjectType: PrivacyRequestSubject;
  status: PrivacyRequestStatus;
  createdAt: Date;
  completedAt: Date | null;
  /** The inquiry's reference (for a buyer's request). */
  reference: string | null;
  /** The member's name (for an account's request; the erased name once completed). */
  personName: string | null;
  /** The inquiry's cooperative, or the member's. */
  cooperativeName: string | null;
}

/** Officers' list: pending requests first, oldest first (the law's clock runs from the request), then the last completed. */
export async function listPrivacyRequests(db: Database, user: SessionUser | null | undefined) {
  requireOfficer(user);
  const columns = {
    id: privacyRequests.id,
    subjectType: privacyRequests.subjectType,
    status: privacyRequests.status,
    createdAt: privacyRequests.createdAt,
    completedAt: privacyRequests.completedAt,
    reference: inquiries.reference,
    personName: users.displayName,
    cooperativeName: cooperatives.name,
  };
  const base = () =>
    db
      .select(columns)
      .from(privacyRequests)
      .leftJoin(inquiries, eq(inquiries.id, privacyRequests.inquiryId))
      .leftJoin(users, eq(users.id, privacyRequests.userId))
      .leftJoin(cooperatives, eq(cooperatives.id, sql`coalesce(${inquiries.cooperativeId}, ${users.cooperativeId})`));
  const pending: PrivacyRequestRow[] = await base()
    .where(eq(privacyRequests.status, 'pending'))
    .orderBy(asc(privacyRequests.createdAt))
    .limit(100);
  const completed: PrivacyRequestRow[] = await base()
    .where(eq(privacyRequests.status, 'completed'))
    .orderBy(desc(privacyRequests.completedAt))
    .limit(20);
  return { pending, completed };
}

/**
 * An officer completes a pending request: the inquiry's personal data is erased as retention erases it (or the
 * member's account, erasure.ts), the request marked completed, with one audit entry, in one batch. The entry is written only while the request is still
 * pending, and the rest only where it was: two officers clicking at once erase once.
 */
export async function completePrivacyRequest(
  db: Database,
  user: SessionUser | null | undefined,
  requestId: string,
  now: Date,
) {
  const officer = requireOfficer(user);
  const [request] = await db
    .select({
      id: privacyRequests.id,
      inquiryId: privacyRequests.inquiryId,
      userId: privacyRequests.userId,
      email: users.email,
      status: privacyRequests.status,
    })
    .from(privacyRequests)
    .leftJoin(users, eq(users.id, privacyRequests.userId))
    .where(eq(privacyRequests.id, requestId))
    .limit(1);
  if (!request || request.status !== 'pending') throw new NotFoundError('privacy_request');
  const subject = request.inquiryId
    ? { entityType: 'inquiry', entityId: request.inquiryId }
    : request.userId && request.email !== null
      ? { entityType: 'user', entityId: request.userId }
      : null;
  if (!subject) throw new NotFoundError('privacy_request');
  const auditId = newId();
  const witness = auditEntryExists(auditId);
  const erasure =
    request.inquiryId !== null
      ? inquiryErasureStatements(db, request.inquiryId, witness, now)
      : accountErasureStatements(db, subject.entityId, request.email ?? '', witness, now);
  await db.batch([
    auditInsertIf(
      db,
      {
        id: auditId,
        actorUserId: officer.id,
        action: 'privacy_request.complete',
        ...subject,
        detail: { requestId, reason: 'request' },
        at: now,
      },
      sql`EXISTS (SELECT 1 FROM ${privacyRequests} WHERE ${privacyRequests.id} = ${requestId} AND ${privacyRequests.status} = 'pending')`,
    ),
    db
      .update(privacyRequests)
      .set({ status: 'completed', completedByUserId: officer.id, completedAt: now })
      .where(and(eq(privacyRequests.id, requestId), witness)),
    ...erasure,
  ]);
}
