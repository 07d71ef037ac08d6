using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsRehearsal = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CutoverPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OldSystemNameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OldSystemNameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NewSystemNameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NewSystemNameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CatchUpRuleKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CatchUpWorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    CatchUpFixedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CatchUpRuleFromNotice = table.Column<bool>(type: "INTEGER", nullable: false),
                    SourceNotice = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CutoverPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CutoverPlans_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Precision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsEstimated = table.Column<bool>(type: "INTEGER", nullable: false),
                    WrittenAsEndOfDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TitleZh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NoteZh = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NoteEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestones_CutoverPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "CutoverPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CutoverPlans_RegionId",
                table: "CutoverPlans",
                column: "RegionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_PlanId_DueUtc",
                table: "Milestones",
                columns: new[] { "PlanId", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Code",
                table: "Regions",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "CutoverPlans");

            migrationBuilder.DropTable(
                name: "Regions");
        }
    }
}
