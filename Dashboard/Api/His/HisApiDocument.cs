using Dashboard.Core.PaperForms;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Api.His;

/// <summary>
/// The HIS API's OpenAPI document at <c>/openapi/v1.json</c>: only the <c>/api/v1</c> endpoints, the key
/// scheme (bearer, or the X-Api-Key header) required on each, and the problem responses.
/// </summary>
internal static class HisApiDocument
{
    public const string Name = "v1";

    public const string BearerScheme = "ApiKeyBearer";

    public const string HeaderScheme = "ApiKeyHeader";

    public static IServiceCollection AddHisApiDocument(this IServiceCollection services) => services.AddOpenApi(Name, options =>
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith(HisApiPipeline.Prefix[1..] + "/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Cutover Dashboard HIS API",
                Version = "v1",
                Description = "For hospital information systems: create and read the held patients and paper forms of the facility the key "
                    + "belongs to. A key is made by an administrator on the facility's page and shown once. Times in requests are the "
                    + "region's local time as the entry form takes them (\"2021-12-01 08:30\"), amounts are yuan as text (\"1234.50\"); "
                    + "times in responses are UTC. ID numbers and phones come back masked. Errors are RFC 9457 problem details, in English "
                    + "unless Accept-Language prefers Chinese (zh-CN).",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "cdk_<id>_<secret>",
                Description = "Authorization: Bearer <key>",
            };
            document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "The same key in the X-Api-Key header instead",
            };
            foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, document)] = [] });
            }

            return Task.CompletedTask;
        });

        // The facility of a paper form is the path's; the body's would be ignored, so the schema does not offer it.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(PaperFormInput))
            {
                schema.Properties?.Remove("facilityId");
            }

            return Task.CompletedTask;
        });
    });
}
