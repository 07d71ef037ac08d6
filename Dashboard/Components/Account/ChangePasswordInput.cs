using System.ComponentModel.DataAnnotations;

namespace Dashboard.Components.Account;

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Validation_Required")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "IdentityError_PasswordTooShort")]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "Password_Mismatch")]
    public string ConfirmPassword { get; set; } = "";
}
