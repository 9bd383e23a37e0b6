"""The admin's image form: a file that only starts like an image is a form error.

Wagtail reads the format from the first bytes (Willow) and only then asks Pillow for the
size, and does not catch what Pillow raises there: a PNG signature followed by anything else
("UnidentifiedImageError") became a server error in the image add view and in the multiple
upload. The field here turns any such failure into Wagtail's own "not a valid image" message.
Set as WAGTAILIMAGES_IMAGE_FORM_BASE, it serves every view that builds an image form.
"""

from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class CheckedImageField(WagtailImageField):
    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # Pillow raises many kinds for a broken file; each means "no"
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            # The same field Wagtail built (label, widget, limits), with the guarded check.
            self.fields["file"] = CheckedImageField(
                label=field.label,
                required=field.required,
                max_length=field.max_length,
                widget=field.widget,
                help_text=field.help_text,
            )
