using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PaperForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FormStockRanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FacilityId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    First = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedTo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EnteredByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnteredUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormStockRanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormStockRanges_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FacilityId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subkind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SerialNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PatientName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdDocumentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FromPlace = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IssuedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SignedAndStamped = table.Column<bool>(type: "INTEGER", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    HeldPatientId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FilingNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EnteredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EnteredByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnteredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperForms_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperForms_HeldPatients_HeldPatientId",
                        column: x => x.HeldPatientId,
                        principalTable: "HeldPatients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperForms_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FormStockRanges_FacilityId_Kind_First",
                table: "FormStockRanges",
                columns: new[] { "FacilityId", "Kind", "First" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_FacilityId_EnteredUtc",
                table: "PaperForms",
                columns: new[] { "FacilityId", "EnteredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_FacilityId_SerialNumber",
                table: "PaperForms",
                columns: new[] { "FacilityId", "SerialNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_HeldPatientId",
                table: "PaperForms",
                column: "HeldPatientId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_RegionId_EnteredUtc",
                table: "PaperForms",
                columns: new[] { "RegionId", "EnteredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_RegionId_Status_DeadlineUtc",
                table: "PaperForms",
                columns: new[] { "RegionId", "Status", "DeadlineUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FormStockRanges");

            migrationBuilder.DropTable(
                name: "PaperForms");
        }
    }
}
