using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlanSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceDocumentNumber",
                table: "CutoverPlans",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceIssuer",
                table: "CutoverPlans",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SourcePublishedOn",
                table: "CutoverPlans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceUrl",
                table: "CutoverPlans",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SourceDocumentNumber",
                table: "CutoverPlans");

            migrationBuilder.DropColumn(
                name: "SourceIssuer",
                table: "CutoverPlans");

            migrationBuilder.DropColumn(
                name: "SourcePublishedOn",
                table: "CutoverPlans");

            migrationBuilder.DropColumn(
                name: "SourceUrl",
                table: "CutoverPlans");
        }
    }
}
