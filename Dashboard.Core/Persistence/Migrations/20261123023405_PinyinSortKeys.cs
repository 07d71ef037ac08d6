using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PinyinSortKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "PatientNameSortKey",
                table: "PaperForms",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PatientNameSortKey",
                table: "HeldPatients",
                type: "BLOB",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_FacilityId_PatientNameSortKey",
                table: "PaperForms",
                columns: new[] { "FacilityId", "PatientNameSortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_RegionId_PatientNameSortKey",
                table: "PaperForms",
                columns: new[] { "RegionId", "PatientNameSortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_FacilityId_PatientNameSortKey",
                table: "HeldPatients",
                columns: new[] { "FacilityId", "PatientNameSortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_RegionId_PatientNameSortKey",
                table: "HeldPatients",
                columns: new[] { "RegionId", "PatientNameSortKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PaperForms_FacilityId_PatientNameSortKey",
                table: "PaperForms");

            migrationBuilder.DropIndex(
                name: "IX_PaperForms_RegionId_PatientNameSortKey",
                table: "PaperForms");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_FacilityId_PatientNameSortKey",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_RegionId_PatientNameSortKey",
                table: "HeldPatients");

            migrationBuilder.DropColumn(
                name: "PatientNameSortKey",
                table: "PaperForms");

            migrationBuilder.DropColumn(
                name: "PatientNameSortKey",
                table: "HeldPatients");
        }
    }
}
