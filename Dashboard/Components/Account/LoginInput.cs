using System.ComponentModel.DataAnnotations;

namespace Dashboard.Components.Account;

public sealed class LoginInput
{
    [Required(ErrorMessage = "Validation_Required")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}
