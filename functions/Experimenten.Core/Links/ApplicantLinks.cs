using Experimenten.Domain;
using Experimenten.Storage;

namespace Experimenten.Links;

/// <summary>What an applicant's signed link may do, given who it was minted for and the application now.</summary>
public static class ApplicantLinks
{
    /// <summary>The contact role a link belongs to; null for the submitter's view-only link (and anything else).</summary>
    public static ContactRole? RoleOf(LinkToken claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return claims.Subject switch
        {
            LinkSubjects.Resident => ContactRole.Resident,
            LinkSubjects.Welfare => ContactRole.Welfare,
            _ => null,
        };
    }

    /// <summary>
    /// False for a contact's link minted before that role was handed over: the previous contact keeps
    /// nothing. A view-only link is not tied to a contact and stays current.
    /// </summary>
    public static bool IsCurrent(LinkToken claims, ApplicationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return RoleOf(claims) is not { } role || claims.Gen == view.GenFor(role);
    }
}
