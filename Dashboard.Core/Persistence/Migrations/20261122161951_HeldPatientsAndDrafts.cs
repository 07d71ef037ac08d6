using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HeldPatientsAndDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FormDrafts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    FormKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormDrafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HeldPatients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FacilityId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PatientName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdDocumentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    InsuranceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    AdmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DischargedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VisitUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    AmountAdvanced = table.Column<long>(type: "INTEGER", nullable: true),
                    IdNumberReversed = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NewPlatformNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EnteredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EnteredByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnteredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldPatients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HeldPatients_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HeldPatients_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HeldPatientInvoice",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HeldPatientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldPatientInvoice", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HeldPatientInvoice_HeldPatients_HeldPatientId",
                        column: x => x.HeldPatientId,
                        principalTable: "HeldPatients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FormDrafts_UserId_FormKey",
                table: "FormDrafts",
                columns: new[] { "UserId", "FormKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatientInvoice_HeldPatientId",
                table: "HeldPatientInvoice",
                column: "HeldPatientId");

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatientInvoice_Number",
                table: "HeldPatientInvoice",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_FacilityId_Category_Status_DeadlineUtc",
                table: "HeldPatients",
                columns: new[] { "FacilityId", "Category", "Status", "DeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_FacilityId_DeadlineUtc",
                table: "HeldPatients",
                columns: new[] { "FacilityId", "DeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_FacilityId_EnteredUtc",
                table: "HeldPatients",
                columns: new[] { "FacilityId", "EnteredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_FacilityId_IdNumberReversed",
                table: "HeldPatients",
                columns: new[] { "FacilityId", "IdNumberReversed" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_FacilityId_PatientName",
                table: "HeldPatients",
                columns: new[] { "FacilityId", "PatientName" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_FacilityId_Status_DeadlineUtc",
                table: "HeldPatients",
                columns: new[] { "FacilityId", "Status", "DeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_RegionId_Category_Status_DeadlineUtc",
                table: "HeldPatients",
                columns: new[] { "RegionId", "Category", "Status", "DeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_RegionId_DeadlineUtc",
                table: "HeldPatients",
                columns: new[] { "RegionId", "DeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_RegionId_EnteredUtc",
                table: "HeldPatients",
                columns: new[] { "RegionId", "EnteredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_RegionId_IdNumber",
                table: "HeldPatients",
                columns: new[] { "RegionId", "IdNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_RegionId_IdNumberReversed",
                table: "HeldPatients",
                columns: new[] { "RegionId", "IdNumberReversed" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_RegionId_PatientName",
                table: "HeldPatients",
                columns: new[] { "RegionId", "PatientName" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_RegionId_Status_DeadlineUtc",
                table: "HeldPatients",
                columns: new[] { "RegionId", "Status", "DeadlineUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FormDrafts");

            migrationBuilder.DropTable(
                name: "HeldPatientInvoice");

            migrationBuilder.DropTable(
                name: "HeldPatients");
        }
    }
}
