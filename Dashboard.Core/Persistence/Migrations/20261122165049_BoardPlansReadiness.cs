using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BoardPlansReadiness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedUtc",
                table: "PaperForms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ActualUtc",
                table: "Milestones",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsRemoved",
                table: "Milestones",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "StatusNote",
                table: "Milestones",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedUtc",
                table: "HeldPatients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReadinessCheckIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FacilityId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InFlightCleared = table.Column<bool>(type: "INTEGER", nullable: false),
                    StaffBriefed = table.Column<bool>(type: "INTEGER", nullable: false),
                    FormsStocked = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSettlementSucceeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadinessCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReadinessCheckIns_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReadinessCheckIns_FacilityId",
                table: "ReadinessCheckIns",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_ReadinessCheckIns_RegionId_Stage_FacilityId",
                table: "ReadinessCheckIns",
                columns: new[] { "RegionId", "Stage", "FacilityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReadinessCheckIns");

            migrationBuilder.DropColumn(
                name: "ResolvedUtc",
                table: "PaperForms");

            migrationBuilder.DropColumn(
                name: "ActualUtc",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "IsRemoved",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "StatusNote",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "ResolvedUtc",
                table: "HeldPatients");
        }
    }
}
