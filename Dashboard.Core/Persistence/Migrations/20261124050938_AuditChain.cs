using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Core.Persistence.Migrations
{
    /// <summary>
    /// The audit trail's hash chain (docs/adr/0009-audit-chain.md): a link per audit row, the rows
    /// already there linked oldest first, then a trigger that links every new row inside its INSERT.
    /// The SQL is written out here rather than taken from the code so that this step stays as it was
    /// applied; the links call audit_chain_hash, which the app's connection interceptor registers.
    /// </summary>
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditChain",
                columns: table => new
                {
                    AuditEventId = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChain", x => x.AuditEventId);
                });

            // Existing rows, each linked to the one before. A recursive query, because an INSERT ... SELECT
            // does not see the links it is adding.
            migrationBuilder.Sql("""
                WITH RECURSIVE link(Id, Hash) AS (
                    SELECT e.Id, audit_chain_hash(NULL, e.Id, e.OccurredUtc, e.UserId, e.UserName, e.Role, e.Action, e.EntityType, e.EntityId, e.BeforeJson, e.AfterJson, e.ClientAddress)
                    FROM AuditEvents e WHERE e.Id = (SELECT min(Id) FROM AuditEvents)
                    UNION ALL
                    SELECT e.Id, audit_chain_hash(link.Hash, e.Id, e.OccurredUtc, e.UserId, e.UserName, e.Role, e.Action, e.EntityType, e.EntityId, e.BeforeJson, e.AfterJson, e.ClientAddress)
                    FROM link JOIN AuditEvents e ON e.Id = (SELECT min(Id) FROM AuditEvents WHERE Id > link.Id))
                INSERT INTO AuditChain (AuditEventId, Hash) SELECT Id, Hash FROM link;
                """);

            // Inside the inserting statement's write transaction: the last link it reads is the true
            // previous one however many writers there are, and the bulk intake's raw INSERTs are linked too.
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEvents_Chain AFTER INSERT ON AuditEvents BEGIN
                    INSERT INTO AuditChain (AuditEventId, Hash) VALUES (NEW.Id, audit_chain_hash(
                        (SELECT Hash FROM AuditChain ORDER BY AuditEventId DESC LIMIT 1),
                        NEW.Id, NEW.OccurredUtc, NEW.UserId, NEW.UserName, NEW.Role, NEW.Action, NEW.EntityType, NEW.EntityId, NEW.BeforeJson, NEW.AfterJson, NEW.ClientAddress));
                END;
                """);
            migrationBuilder.Sql("CREATE TRIGGER AuditChain_NoUpdate BEFORE UPDATE ON AuditChain BEGIN SELECT RAISE(ABORT, 'AuditChain is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER AuditChain_NoDelete BEFORE DELETE ON AuditChain BEGIN SELECT RAISE(ABORT, 'AuditChain is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER AuditEvents_Chain;");
            migrationBuilder.DropTable(
                name: "AuditChain");
        }
    }
}
