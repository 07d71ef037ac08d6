using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PaperForms_FacilityId_EnteredUtc",
                table: "PaperForms");

            migrationBuilder.DropIndex(
                name: "IX_PaperForms_FacilityId_PatientNameSortKey",
                table: "PaperForms");

            migrationBuilder.DropIndex(
                name: "IX_PaperForms_RegionId_EnteredUtc",
                table: "PaperForms");

            migrationBuilder.DropIndex(
                name: "IX_PaperForms_RegionId_PatientNameSortKey",
                table: "PaperForms");

            migrationBuilder.DropIndex(
                name: "IX_PaperForms_RegionId_Status_DeadlineUtc",
                table: "PaperForms");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_FacilityId_Category_Status_DeadlineUtc",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_FacilityId_DeadlineUtc",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_FacilityId_EnteredUtc",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_FacilityId_PatientNameSortKey",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_FacilityId_Status_DeadlineUtc",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_RegionId_Category_Status_DeadlineUtc",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_RegionId_DeadlineUtc",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_RegionId_EnteredUtc",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_RegionId_PatientNameSortKey",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_RegionId_Status_DeadlineUtc",
                table: "HeldPatients");

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_FacilityId_Name",
                table: "PaperForms",
                columns: new[] { "FacilityId", "PatientNameSortKey", "Id", "Status", "Kind", "DeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_FacilityId_Newest",
                table: "PaperForms",
                columns: new[] { "FacilityId", "EnteredUtc", "Id", "Status", "Kind", "DeadlineUtc", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_FacilityId_Status",
                table: "PaperForms",
                columns: new[] { "FacilityId", "Status", "EnteredUtc", "Id", "Kind", "DeadlineUtc", "PatientNameSortKey", "IssuedUtc", "SerialNumber", "PatientName", "IdNumber", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_RegionId_Name",
                table: "PaperForms",
                columns: new[] { "RegionId", "PatientNameSortKey", "Id", "Status", "Kind", "DeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_RegionId_Newest",
                table: "PaperForms",
                columns: new[] { "RegionId", "EnteredUtc", "Id", "Status", "Kind", "DeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_RegionId_Status",
                table: "PaperForms",
                columns: new[] { "RegionId", "Status", "EnteredUtc", "Id", "Kind", "DeadlineUtc", "PatientNameSortKey", "IssuedUtc", "SerialNumber", "PatientName", "IdNumber", "FacilityId" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_FacilityId_Name",
                table: "HeldPatients",
                columns: new[] { "FacilityId", "PatientNameSortKey", "Id", "Status", "Category", "DeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_FacilityId_Newest",
                table: "HeldPatients",
                columns: new[] { "FacilityId", "EnteredUtc", "Id", "Status", "Category", "DeadlineUtc", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_FacilityId_Status",
                table: "HeldPatients",
                columns: new[] { "FacilityId", "Status", "EnteredUtc", "Id", "Category", "DeadlineUtc", "PatientNameSortKey", "AdmittedUtc", "VisitUtc", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_RegionId_Name",
                table: "HeldPatients",
                columns: new[] { "RegionId", "PatientNameSortKey", "Id", "Status", "Category", "DeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_RegionId_Newest",
                table: "HeldPatients",
                columns: new[] { "RegionId", "EnteredUtc", "Id", "Status", "Category", "DeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_RegionId_Status",
                table: "HeldPatients",
                columns: new[] { "RegionId", "Status", "EnteredUtc", "Id", "Category", "DeadlineUtc", "PatientNameSortKey", "AdmittedUtc", "VisitUtc", "FacilityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PaperForms_FacilityId_Name",
                table: "PaperForms");

            migrationBuilder.DropIndex(
                name: "IX_PaperForms_FacilityId_Newest",
                table: "PaperForms");

            migrationBuilder.DropIndex(
                name: "IX_PaperForms_FacilityId_Status",
                table: "PaperForms");

            migrationBuilder.DropIndex(
                name: "IX_PaperForms_RegionId_Name",
                table: "PaperForms");

            migrationBuilder.DropIndex(
                name: "IX_PaperForms_RegionId_Newest",
                table: "PaperForms");

            migrationBuilder.DropIndex(
                name: "IX_PaperForms_RegionId_Status",
                table: "PaperForms");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_FacilityId_Name",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_FacilityId_Newest",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_FacilityId_Status",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_RegionId_Name",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_RegionId_Newest",
                table: "HeldPatients");

            migrationBuilder.DropIndex(
                name: "IX_HeldPatients_RegionId_Status",
                table: "HeldPatients");

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_FacilityId_EnteredUtc",
                table: "PaperForms",
                columns: new[] { "FacilityId", "EnteredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_FacilityId_PatientNameSortKey",
                table: "PaperForms",
                columns: new[] { "FacilityId", "PatientNameSortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_RegionId_EnteredUtc",
                table: "PaperForms",
                columns: new[] { "RegionId", "EnteredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_RegionId_PatientNameSortKey",
                table: "PaperForms",
                columns: new[] { "RegionId", "PatientNameSortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperForms_RegionId_Status_DeadlineUtc",
                table: "PaperForms",
                columns: new[] { "RegionId", "Status", "DeadlineUtc" });

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
                name: "IX_HeldPatients_FacilityId_PatientNameSortKey",
                table: "HeldPatients",
                columns: new[] { "FacilityId", "PatientNameSortKey" });

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
                name: "IX_HeldPatients_RegionId_PatientNameSortKey",
                table: "HeldPatients",
                columns: new[] { "RegionId", "PatientNameSortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPatients_RegionId_Status_DeadlineUtc",
                table: "HeldPatients",
                columns: new[] { "RegionId", "Status", "DeadlineUtc" });
        }
    }
}
