using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Firebreak.Web.Features.Intake.Attachments;

/// <summary>
/// Marks a page that takes files: it may receive a body up to the attachment limits (larger than
/// the server's default), applied by <see cref="Convention"/> wherever the page lives.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class TakesAttachmentsAttribute : Attribute
{
    /// <summary>Raises the body limit of every page whose model carries the attribute.</summary>
    public sealed class Convention(AttachmentLimits limits) : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            ArgumentNullException.ThrowIfNull(model);
            if (model.ModelType?.IsDefined(typeof(TakesAttachmentsAttribute), inherit: false) == true)
                model.Filters.Add(new RequestSizeLimitAttribute(limits.RequestBytes));
        }
    }
}
