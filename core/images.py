"""The image upload form: Wagtail's, with the pixel limit checked from the
file's header before anything decodes it.

Wagtail 8's `WagtailImageField` counts pixels after Willow has decoded the
image, outside its own error handling: a crafted PNG declaring just over
`WAGTAILIMAGES_MAX_IMAGE_PIXELS` is decoded in full, and a truncated one is
an OSError (a 500). Here Pillow reads only the header (its `open` is lazy),
the declared size is refused at once, and a file that fails while decoding
is "not a valid image". Set as `WAGTAILIMAGES_IMAGE_FORM_BASE`.

The file is decoded in full with Pillow's strict mode whatever the process
has set: WeasyPrint turns on `ImageFile.LOAD_TRUNCATED_IMAGES` for the whole
process when it is imported, after which Pillow would decode a truncated
upload as grey and Wagtail would store it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms import FileField
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageFile
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class HeaderCheckedImageField(WagtailImageField):
    def to_python(self, data):
        upload = FileField.to_python(self, data)
        if upload is None:
            return None
        self._check_declared_pixels(upload)
        try:
            checked = super().to_python(data)  # format, upload size, pixels
            self._decode_strictly(upload)
            return checked
        except (OSError, SyntaxError, ValueError) as error:  # Pillow's errors for broken data
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error

    @staticmethod
    def _decode_strictly(upload) -> None:
        """Decode every frame, refusing truncated data even where WeasyPrint
        allowed it for the process."""
        tolerant = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            with PILImage.open(upload) as image:
                for frame in range(getattr(image, "n_frames", 1)):
                    image.seek(frame)
                    image.load()
        except PILImage.UnidentifiedImageError:
            return  # not something Pillow reads (SVG): Wagtail decides
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = tolerant
            upload.seek(0)

    def _check_declared_pixels(self, upload) -> None:
        if self.max_image_pixels is None:
            return
        try:
            with PILImage.open(upload) as image:  # reads the header only
                width, height = image.size
                frames = getattr(image, "n_frames", 1)
        except PILImage.DecompressionBombError:
            width, height, frames = self.max_image_pixels + 1, 1, 1
        except Exception:  # noqa: BLE001 - not something Pillow reads (SVG, garbage): Wagtail decides
            return
        finally:
            upload.seek(0)
        if width * height * frames > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": width * height * frames, "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            )


class ImageForm(BaseImageForm):
    file = HeaderCheckedImageField(label=_("File"))
