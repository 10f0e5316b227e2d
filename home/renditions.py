"""The image renditions the public templates ask for, so they can be made
ahead of time (manage.py warm_renditions) instead of on a reader's request."""

from __future__ import annotations

from collections.abc import Iterable

# Keep in step with the {% srcset_image %} tags in the templates.
HERO_SPECS = tuple(f"width-{w}|format-webp" for w in (480, 800, 1200))
CARD_SPECS = tuple(f"fill-{size}|format-webp" for size in ("320x180", "640x360"))
SOCIAL_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"
STORY_IMAGE_SPECS = (*HERO_SPECS, *CARD_SPECS, SOCIAL_SPEC)


def story_images(story) -> list:
    """The hero image and every image in the body of a story."""
    images = [story.hero_image] if story.hero_image_id else []
    for block in story.body:
        if block.block_type == "image" and block.value.get("image"):
            images.append(block.value["image"])
    return images


def warm_image(image, specs: Iterable[str] = STORY_IMAGE_SPECS) -> int:
    """Create any missing renditions of one image; returns how many it asked for."""
    from wagtail.images.shortcuts import get_renditions_or_not_found

    specs = tuple(specs)
    get_renditions_or_not_found(image, specs)  # a missing original is skipped, not fatal
    return len(specs)


def warm_stories(stories) -> dict:
    """Renditions for the given stories; one image is done once."""
    seen: set[int] = set()
    counts = {"images": 0, "renditions": 0}
    for story in stories:
        for image in story_images(story):
            if image.pk in seen:
                continue
            seen.add(image.pk)
            counts["renditions"] += warm_image(image)
            counts["images"] += 1
    return counts
