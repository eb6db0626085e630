import type { Extension, onLoadDocumentPayload } from "@hocuspocus/server";
import { isDatabaseOutage } from "../health/dependency";
import type { DocumentLog } from "./document-log";
import type { PersistenceExtension } from "./PersistenceExtension";
import { collabLogger } from "./collab-log";

type Configuration = {
  persistence: PersistenceExtension;
  log: Pick<DocumentLog, "saveProjection">;
  /** How long the text projection may lag behind the live text. */
  projectionDelayMs: number;
  logger: (message: string, error?: unknown) => void;
};

/**
 * Keeps a document's plain-text projection (search, quotes, the reading page) in step with what
 * is stored of its live text: at most `projectionDelayMs` after a batch of updates is stored,
 * one write for everything stored meanwhile.
 */
export class ProjectionExtension implements Extension {
  extensionName = "MarginaliaProjection";
  priority = 880;
  private configuration: Configuration;

  constructor(configuration: Partial<Configuration> & Pick<Configuration, "persistence" | "log">) {
    const given = Object.fromEntries(Object.entries(configuration).filter(([, value]) => value !== undefined));
    this.configuration = { projectionDelayMs: 1000, logger: collabLogger, ...given } as Configuration;
  }

  async onLoadDocument({ documentName }: onLoadDocumentPayload) {
    const doc = this.configuration.persistence.stored(documentName);
    if (!doc) return;
    let timer: NodeJS.Timeout | undefined;
    const cancel = () => {
      clearTimeout(timer);
      timer = undefined;
    };
    doc.on("stored", () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        const write = this.configuration.log
          .saveProjection(documentName, doc.document)
          .catch((error) => {
            if (!isDatabaseOutage(error, "updating a document's text")) this.configuration.logger(`updating the text of ${documentName} failed`, error);
          })
          .finally(() => {
            if (doc.projecting === write) doc.projecting = null;
          });
        doc.projecting = write;
      }, this.configuration.projectionDelayMs);
    });
    // A compaction writes the text of everything stored when it started: if nothing was stored since, a pending projection would only write it again.
    doc.on("compacted", (storedSeqAtStart) => {
      if (doc.storedSeq === storedSeqAtStart) cancel();
    });
    doc.on("unloaded", cancel);
  }
}
