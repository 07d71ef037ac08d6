using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Core.Persistence.Postgres.Migrations
{
    /// <summary>
    /// The audit trail on PostgreSQL as on SQLite (docs/adr/0009-audit-chain.md, docs/adr/0012-postgresql.md):
    /// append-only AuditEvents and AuditChain, and a link per row written inside the INSERT. The link is
    /// the same SHA-256 over the same canonical encoding as <c>AuditChain.Link</c>, computed in SQL, so
    /// one verifier checks both engines. Several nodes write at once here, so the trigger first takes a
    /// transaction-scoped advisory lock and only then gives the row its id: ids then follow the chain's
    /// order across transactions, and no two writers link to the same predecessor.
    /// </summary>
    public partial class AuditAppendOnlyChain : Migration
    {
        /// <summary>The advisory lock that orders chain writers ('audt'); the verifier's tests name it too.</summary>
        public const long ChainLockKey = 0x61756474;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Text as AuditChain.Text encodes it (tag 3, big-endian length, UTF-8), null as tag 0.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_chain_text(value text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
                    SELECT CASE WHEN value IS NULL THEN '\x00'::bytea
                                ELSE '\x03'::bytea || int8send(octet_length(convert_to(value, 'UTF8'))::bigint) || convert_to(value, 'UTF8') END
                $$;
                """);

            // An instant as Microsoft.Data.Sqlite writes it (yyyy-MM-dd HH:mm:ss.FFFFFFF): the hash of a row
            // does not depend on the engine that stored it.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_chain_time(value timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
                    SELECT to_char(value AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') ||
                           CASE WHEN extract(microseconds FROM value)::bigint % 1000000 = 0 THEN ''
                                ELSE '.' || rtrim(lpad((extract(microseconds FROM value)::bigint % 1000000)::text, 6, '0'), '0') END
                $$;
                """);

            migrationBuilder.Sql($$"""
                CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE previous text;
                BEGIN
                    PERFORM pg_advisory_xact_lock({{ChainLockKey}});
                    NEW."Id" := nextval(pg_get_serial_sequence('"AuditEvents"', 'Id'));
                    SELECT "Hash" INTO previous FROM "AuditChain" ORDER BY "AuditEventId" DESC LIMIT 1;
                    INSERT INTO "AuditChain" ("AuditEventId", "Hash") VALUES (NEW."Id", encode(sha256(
                        convert_to('cutover-audit-chain-v1', 'UTF8') || audit_chain_text(previous) || int8send(11)
                        || '\x01'::bytea || int8send(NEW."Id")
                        || audit_chain_text(audit_chain_time(NEW."OccurredUtc"))
                        || audit_chain_text(NEW."UserId") || audit_chain_text(NEW."UserName") || audit_chain_text(NEW."Role")
                        || audit_chain_text(NEW."Action") || audit_chain_text(NEW."EntityType") || audit_chain_text(NEW."EntityId")
                        || audit_chain_text(NEW."BeforeJson") || audit_chain_text(NEW."AfterJson") || audit_chain_text(NEW."ClientAddress")), 'hex'));
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""CREATE TRIGGER "AuditEvents_Chain" BEFORE INSERT ON "AuditEvents" FOR EACH ROW EXECUTE FUNCTION audit_events_chain();""");

            migrationBuilder.Sql("""
                CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);
            foreach (var table in new[] { "AuditEvents", "AuditChain" })
            {
                migrationBuilder.Sql($"""CREATE TRIGGER "{table}_NoUpdate" BEFORE UPDATE ON "{table}" FOR EACH ROW EXECUTE FUNCTION audit_append_only();""");
                migrationBuilder.Sql($"""CREATE TRIGGER "{table}_NoDelete" BEFORE DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION audit_append_only();""");
                migrationBuilder.Sql($"""CREATE TRIGGER "{table}_NoTruncate" BEFORE TRUNCATE ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();""");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "AuditEvents", "AuditChain" })
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_NoTruncate" ON "{table}";""");
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_NoDelete" ON "{table}";""");
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_NoUpdate" ON "{table}";""");
            }

            migrationBuilder.Sql("""DROP TRIGGER "AuditEvents_Chain" ON "AuditEvents";""");
            migrationBuilder.Sql("DROP FUNCTION audit_append_only(); DROP FUNCTION audit_events_chain(); DROP FUNCTION audit_chain_time(timestamptz); DROP FUNCTION audit_chain_text(text);");
        }
    }
}
