using System.Text.RegularExpressions;

namespace Experimenten.Infra.Tests;

[Collection("template")]
public sealed partial class RoleAssignmentTests(TemplateFixture fixture)
{
    private const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";
    private const string IdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";

    /// <summary>Built-in role definition id → the resource type the assignment must be scoped to.</summary>
    private static readonly Dictionary<string, string> ExpectedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Microsoft.Storage/storageAccounts", // Storage Blob Data Owner
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Microsoft.Storage/storageAccounts", // Storage Queue Data Contributor
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Microsoft.Storage/storageAccounts", // Storage Table Data Contributor
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Microsoft.KeyVault/vaults", // Key Vault Secrets User
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Microsoft.Insights/components", // Monitoring Metrics Publisher
    };

    private ArmTemplate Template => fixture.CompiledTemplate;

    [Fact]
    public void There_are_exactly_five_role_assignments_one_for_each_expected_role()
    {
        var assignments = Template.OfType(RoleAssignmentType).ToList();

        Assert.Equal(5, assignments.Count);
        var roles = assignments.Select(RoleDefinitionGuid).Order(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(ExpectedRoles.Keys.Order(StringComparer.OrdinalIgnoreCase), roles, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_template_has_exactly_one_user_assigned_identity_and_no_system_assigned_one()
    {
        Assert.Single(Template.OfType(IdentityType));
        foreach (var resource in Template.Resources)
        {
            var identityType = (string?)resource.Get("identity", "type") ?? "";
            Assert.DoesNotContain("SystemAssigned", identityType, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Every_role_assignment_is_for_the_principal_of_the_user_assigned_identity()
    {
        var identity = Template.SingleOf(IdentityType);
        var principal = new Regex(
            "^\\[reference\\(" + Regex.Escape(IdentityResourceId(identity)) + ", '[^']+'\\)\\.principalId\\]$");

        foreach (var assignment in Template.OfType(RoleAssignmentType))
        {
            Assert.Same(identity.DeclaringTemplate, assignment.DeclaringTemplate);
            Assert.Matches(principal, (string)assignment.Get("properties", "principalId")!);
            Assert.Equal("ServicePrincipal", (string?)assignment.Get("properties", "principalType"));
        }
    }

    [Fact]
    public void Role_assignment_names_are_guids_of_scope_identity_and_role_and_scopes_are_the_target_resources()
    {
        var identityId = IdentityResourceId(Template.SingleOf(IdentityType));

        foreach (var assignment in Template.OfType(RoleAssignmentType))
        {
            var role = RoleDefinitionGuid(assignment);
            var name = ArmTemplate.InlineStringVariables(assignment.Name, assignment.DeclaringTemplate);
            var scope = (string?)assignment.Get("scope") ?? "";

            Assert.StartsWith("[guid(", name, StringComparison.Ordinal);
            Assert.Contains(identityId, name, StringComparison.Ordinal);
            Assert.Contains("'" + role + "'", name, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("'" + ExpectedRoles[role] + "'", scope, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(scope.Trim('[', ']'), name, StringComparison.Ordinal);
        }
    }

    private static string RoleDefinitionGuid(ArmResource assignment)
    {
        var expression = ArmTemplate.InlineStringVariables(
            (string)assignment.Get("properties", "roleDefinitionId")!, assignment.DeclaringTemplate);
        Assert.Contains("Microsoft.Authorization/roleDefinitions", expression, StringComparison.Ordinal);
        return Guid().Match(expression) is { Success: true } m
            ? m.Value
            : throw new Xunit.Sdk.XunitException("No role definition GUID in " + expression);
    }

    /// <summary>The expression that names the identity's resource id inside its own template.</summary>
    private static string IdentityResourceId(ArmResource identity)
    {
        var name = identity.Name.StartsWith('[') ? identity.Name[1..^1] : "'" + identity.Name + "'";
        return "resourceId('" + IdentityType + "', " + name + ")";
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
