import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { evaluationSheet, formOf, isFormKey } from '../domain/forms.js';
import { officeDate } from '../domain/office-day.js';
import type { OfficeSettings, ParsedInput } from '../ipc/contract.js';
import type { DocumentPreview } from '../ipc/schemas/lists.js';
import { appendAuditEvent } from './audit.js';
import type { Context } from './context.js';
import { recordPacketCopies } from './distributed-copies.js';
import { type PacketFile, type RenderedPacket, renderPacket } from './document-packet.js';
import { type DrawingFonts, systemDrawingFonts } from './drawings/raster.js';
import { KasaneError } from './errors.js';
import { renderEvaluationDocument } from './evaluation-document.js';
import { renderFamilyDocument } from './family-document.js';
import { type LayoutFonts, systemLayoutFonts } from './forms/index.js';
import type { JobRunner } from './jobs/job-runner.js';
import { confidentialityWarning } from './legal.js';
import type { OutgoingFile, Platform } from './platform.js';

/**
 * The 159条 gate (rules 4, 7, 8). A document is rendered once for preview and kept in memory; only
 * those exact bytes can then be saved or opened in Word, and only after the confirmation: warning
 * seen, purpose given. Every issue is logged (ids, counts and the purpose category in the audit log;
 * the free-text purpose in the encrypted document_issues table). Previews are dropped on lock.
 */

interface Preview {
  issued: IssuedPacket;
  files: OutgoingFile[];
  userId: string;
}

/** A 様式 of a meeting, the 別添資料 of a household (for one of its meetings, or on its own), or its 評価シート. */
type PreviewRequest = ParsedInput<'documents.preview'>;
type IssueRequest = ParsedInput<'documents.issue'>;

export class DocumentGate {
  readonly #previews = new Map<string, Preview>();

  constructor(
    private readonly platform: Platform,
    /** The BIZ UD font files to lay pages out with; null when this machine has none. */
    private readonly layoutFonts: () => Promise<LayoutFonts | null> = systemLayoutFonts,
    /** The fonts the drawings are rasterised with; this machine's when not given. */
    private readonly drawingFonts?: () => DrawingFonts,
  ) {}

  /** The fonts the drawings are rasterised with; null when this machine has none. */
  drawingFontsInUse(): DrawingFonts | null {
    try {
      return this.drawingFonts?.() ?? systemDrawingFonts();
    } catch {
      return null;
    }
  }

  /** The fonts pages are laid out with, for lists rendered outside the gate and held by it. */
  layout(): Promise<LayoutFonts | null> {
    return this.layoutFonts();
  }

  /** Drops every preview and temporary file: case data must not outlive the unlocked session. */
  async discardAll(): Promise<void> {
    this.#previews.clear();
    await this.platform.discardTemporaryFiles();
  }

  async preview(
    db: Kysely<Database>,
    user: { id: string; name: string },
    office: OfficeSettings,
    request: PreviewRequest,
    now: Date,
    /** The app's worker: more than one file is rendered there, with progress and 「中止」. */
    jobs?: JobRunner,
  ): Promise<DocumentPreview> {
    const namesReason = request.namesReason.trim() || null;
    const layout = await this.layoutFonts();
    let rendered: Pick<RenderedPacket, 'files' | 'warnings'>;
    let shown: PacketFile | undefined;
    let issued: IssuedPacket;
    const { document } = request;
    if (isFormKey(document)) {
      const { meetingId } = request;
      const meeting = meetingId
        ? await db.selectFrom('meetings').select('kind').where('id', '=', meetingId).executeTakeFirst()
        : undefined;
      if (!meeting || !meetingId) throw new KasaneError('NOT_FOUND');
      if (meeting.kind === 'unconsented' && request.names === 'real' && !namesReason)
        throw new KasaneError('NAMES_REASON_REQUIRED');
      const documents = [...new Set([document, ...request.together])];
      const { number, issuedOn, replyBy } = request.notice;
      const packetRequest = {
        meetingId,
        forms: documents.map((key) => formOf(key).number),
        names: request.names,
        copies: request.copies,
        perAgency: request.perAgency,
        notice: {
          ...(number ? { number } : {}),
          ...(issuedOn ? { issuedOn } : {}),
          ...(replyBy ? { replyBy } : {}),
        },
      };
      const many = request.copies > 1 || documents.length > 1 || request.perAgency;
      const packet =
        jobs && many
          ? await jobs.run(
              { kind: 'render', office, request: packetRequest, fonts: layout !== null },
              { now, user },
            )
          : await renderPacket(db, user, office, packetRequest, now, layout);
      rendered = packet;
      // The preview shows the 様式 the coordinator opened the gate for (its first copy).
      shown =
        packet.files.find((f) => f.name.startsWith(`様式${formOf(document).number}_`)) ?? packet.files[0];
      issued = {
        meetingId,
        householdId: null,
        documents,
        copies: request.copies,
        names: request.names,
        namesReason,
        numbered: packet.packet,
      };
    } else {
      // A household's own document (評価シート, 別添資料): one file, or numbered copies for a meeting.
      const sheet =
        document === evaluationSheet.key
          ? await renderEvaluationDocument(
              db,
              user,
              office,
              {
                householdId: request.householdId ?? '',
                evaluationId: request.evaluationId,
                names: request.names,
                namesReason,
                copies: request.copies,
              },
              now,
              layout,
            )
          : await renderFamilyDocument(
              db,
              user,
              office,
              { ...request, namesReason },
              now,
              layout,
              this.drawingFonts?.(),
            );
      rendered = { files: sheet.files, warnings: [] };
      [shown] = sheet.files;
      ({ issued } = sheet);
    }
    return this.hold(
      user.id,
      issued,
      rendered.files.map(({ name, bytes }) => ({ name, bytes })),
      shown ?? null,
      rendered.warnings,
      now,
    );
  }

  /**
   * Keeps rendered files for the confirmation and returns what the preview shows. Lists (世帯一覧,
   * 会議一覧, ケース記録) are rendered by their own services and held here, so they leave only through
   * `issue` like every 様式.
   */
  hold(
    userId: string,
    issued: IssuedPacket,
    files: OutgoingFile[],
    shown: { bytes: Buffer; pages: number | null; pageNumbers: string[] | null } | null,
    notices: string[],
    now: Date,
  ): DocumentPreview {
    const previewId = randomUUID();
    this.#previews.set(previewId, { issued, files, userId });
    const warning = confidentialityWarning(officeDate(now));
    return {
      previewId,
      fileNames: files.map((f) => f.name),
      base64: (shown?.bytes ?? Buffer.alloc(0)).toString('base64'),
      pages: shown?.pages ?? null,
      pageNumbers: shown?.pageNumbers ?? null,
      notices,
      warning: { title: warning.title, body: warning.body },
    };
  }

  async issue(
    db: Kysely<Database>,
    userId: string,
    request: IssueRequest,
    now: Date,
  ): Promise<{ done: boolean; fileNames: string[] }> {
    const preview = this.#previews.get(request.previewId);
    if (!preview || preview.userId !== userId) throw new KasaneError('PREVIEW_EXPIRED');
    let done = true;
    let fileNames = preview.files.map((f) => f.name);
    if (request.action === 'save') {
      ({ saved: done, fileNames } = await this.platform.saveFiles({
        files: preview.files,
        filters: preview.files.some((f) => f.name.endsWith('.xlsx'))
          ? [{ name: 'Excel ブック', extensions: ['xlsx'] }]
          : [{ name: 'Word 文書', extensions: ['docx'] }],
      }));
    } else {
      await this.platform.openTemporarily(preview.files);
    }
    if (done) await recordPacketIssue(db, userId, preview.issued, request, now);
    return { done, fileNames };
  }
}

/** What left through the gate: a meeting's 様式, a household's 別添資料, or anonymous statistics. */
export interface IssuedDocument {
  meetingId: string | null;
  /** The household a 別添資料 is about (also when it was issued for one of its meetings). */
  householdId?: string | null;
  document: string;
  copies: number;
  names: 'real' | 'masked' | 'none';
  namesReason: string | null;
  /** A list: its file format and how many rows left (counts only, never the rows). */
  listed?: Listed;
}

/** What the audit log says about a list that left: the format and the number of rows. */
export interface Listed {
  format: 'docx' | 'xlsx';
  rows: number;
}

type Why = { action: 'save' | 'openInWord' | 'cli'; purpose: string; purposeNote: string };

/** One row in document_issues (the free-text purpose stays there, encrypted) and its audit event. */
async function insertIssue(
  trx: Kysely<Database>,
  userId: string,
  issued: IssuedDocument,
  why: Why,
  now: Date,
) {
  const id = randomUUID();
  await trx
    .insertInto('document_issues')
    .values({
      id,
      meeting_id: issued.meetingId,
      household_id: issued.householdId ?? null,
      document: issued.document,
      copies: issued.copies,
      purpose: why.purpose,
      purpose_note: why.purposeNote,
      names: issued.names,
      names_reason: issued.namesReason,
      action: why.action,
      user_id: userId,
      created_at: now.toISOString(),
    })
    .execute();
  await appendAuditEvent(
    trx,
    {
      userId,
      kind: 'document.issued',
      ...(issued.meetingId
        ? { target: { type: 'meeting', id: issued.meetingId } }
        : issued.householdId
          ? { target: { type: 'household', id: issued.householdId } }
          : {}),
      detail: {
        issueId: id,
        document: issued.document,
        copies: issued.copies,
        names: issued.names,
        action: why.action,
        purpose: why.purpose,
        ...(issued.listed ? { format: issued.listed.format, rows: issued.listed.rows } : {}),
      },
    },
    now,
  );
}

/** Rule 7: what left, how many copies and why, with the names choice (rule 4). */
export async function recordIssue(
  db: Kysely<Database>,
  userId: string,
  issued: IssuedDocument,
  why: Why,
  now: Date,
): Promise<void> {
  await db.transaction().execute((trx) => insertIssue(trx, userId, issued, why, now));
}

/** What one issue put out: each document, and its numbered copies (rule 8, a meeting's only). */
export interface IssuedPacket {
  meetingId: string | null;
  householdId: string | null;
  documents: string[];
  copies: number;
  names: 'real' | 'masked';
  namesReason: string | null;
  numbered: RenderedPacket['packet'];
  listed?: Listed;
}

/** Rules 7 and 8 in one transaction: an issue record per document, and the copies now in circulation. */
export async function recordPacketIssue(
  db: Kysely<Database>,
  userId: string,
  issued: IssuedPacket,
  why: Why,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const document of issued.documents) {
      const { meetingId, householdId, copies, names, namesReason, listed } = issued;
      await insertIssue(
        trx,
        userId,
        { meetingId, householdId, document, copies, names, namesReason, ...(listed ? { listed } : {}) },
        why,
        now,
      );
    }
    if (issued.numbered && issued.meetingId)
      await recordPacketCopies(trx, { meetingId: issued.meetingId, ...issued.numbered }, now);
  });
}

export type GateContext = Context & { gate: DocumentGate };

/** documents.preview: render once and keep the bytes until they are issued or the vault locks. */
export async function previewDocument(ctx: GateContext & { jobs?: JobRunner }, input: PreviewRequest) {
  return ctx.gate.preview(ctx.db, ctx.user, await ctx.settings(), input, ctx.now, ctx.jobs);
}

/** documents.issue: save or open exactly the previewed bytes, after the 159条 confirmation. */
export function issueDocument(ctx: GateContext, input: IssueRequest) {
  return ctx.gate.issue(ctx.db, ctx.user.id, input, ctx.now);
}
