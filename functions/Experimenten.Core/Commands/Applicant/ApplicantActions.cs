using Experimenten.Domain;
using Experimenten.Links;
using Experimenten.Storage;

namespace Experimenten.Commands.Applicant;

// What a contact does through the signed status link in their email, as the JSON API and the status page both
// hand it over. Language is the reader's; unless LanguageChosen (the page's ?lang=), the application's own
// language wins once it is found, as the API has always answered.

/// <summary>Withdraw the application: only the residents' contact, at any open stage, with an optional reason.</summary>
public sealed record WithdrawApplication(string Token, string ApplicationId, string Reason, string Language, bool LanguageChosen = false);

/// <summary>Hand the link's own contact role over to a new person: the fields as sent (role resident|welfare, name, email).</summary>
public sealed record HandOverContact(string Token, string ApplicationId, IReadOnlyDictionary<string, string> Fields, string Language, bool LanguageChosen = false);

/// <summary>A genuine, current status link and the application it opens; <see cref="Role"/> is null for the view-only link.</summary>
public sealed record StatusLink(ApplicationView View, LinkToken Claims)
{
    public ContactRole? Role => ApplicantLinks.RoleOf(Claims);
}

/// <summary>What the status page asks the applicants to upload now, with a link minted for it.</summary>
/// <param name="Number">The report's number; 0 for a revised plan.</param>
public sealed record UploadLink(LinkPurpose Purpose, string Token, int Number, bool Final);

/// <summary>The stable codes of an applicant's refusals (<c>urn:experimenten:problem:{code}</c>).</summary>
public static class ApplicantCodes
{
    public const string NotFound = "not-found";
    public const string ViewOnlyLink = "view-only-link";
    public const string Closed = "application-closed";
    public const string ResidentsWithdraw = "residents-withdraw";
    public const string NotYourRole = "not-your-role";
    public const string InvalidFields = "invalid-fields";
}
