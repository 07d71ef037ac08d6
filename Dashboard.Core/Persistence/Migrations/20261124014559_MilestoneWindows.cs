using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MilestoneWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConditionEn",
                table: "Milestones",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConditionZh",
                table: "Milestones",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndPrecision",
                table: "Milestones",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Minute");

            migrationBuilder.AddColumn<DateTime>(
                name: "EndUtc",
                table: "Milestones",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EndWrittenAsEndOfDay",
                table: "Milestones",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsConditional",
                table: "Milestones",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConditionEn",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "ConditionZh",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "EndPrecision",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "EndUtc",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "EndWrittenAsEndOfDay",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "IsConditional",
                table: "Milestones");
        }
    }
}
