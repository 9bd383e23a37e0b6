"""Illustrations for the demo content, drawn here so that nothing has to be downloaded."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

PALETTES = {
    "green": ["#2f6b2a", "#7fb069", "#e6f2d9", "#f4d35e"],
    "teal": ["#0b5a55", "#57a9a0", "#e6f2f0", "#ffdd00"],
    "blue": ["#1f4f8f", "#7aa5d8", "#e7eef8", "#f28f3b"],
    "purple": ["#5b3a86", "#a08bc7", "#efe9f7", "#f2c14e"],
    "red": ["#a1262a", "#e07a5f", "#fbeae6", "#3d405b"],
    "orange": ["#a63d0d", "#f4a259", "#fdf0e6", "#0b5a55"],
    "ochre": ["#7a5a00", "#e0b43a", "#fbf3dc", "#2f6b2a"],
    "brown": ["#6b4226", "#c08552", "#f6ece3", "#0b5a55"],
}


def neighbourhood(seed, palette="teal", size=(1600, 1000)):
    """A flat illustration of a street: sky, hills, houses, trees. Deterministic per seed."""
    rng = random.Random(seed)
    dark, mid, light, accent = PALETTES[palette]
    width, height = size
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image)

    sun_x = rng.randint(width // 5, width * 4 // 5)
    draw.ellipse((sun_x - 90, 110, sun_x + 90, 290), fill=accent)
    for layer, colour in enumerate((mid, dark)):
        base = height * (0.55 + 0.12 * layer)
        points = [(0, height)]
        for x in range(0, width + 200, 200):
            points.append((x, base - rng.randint(0, 90)))
        points.append((width, height))
        draw.polygon(points, fill=colour)

    street = int(height * 0.82)
    x = rng.randint(-60, 20)
    while x < width:
        house_w = rng.randint(140, 230)
        house_h = rng.randint(160, 300)
        body = light if rng.random() < 0.6 else accent
        top = street - house_h
        draw.rectangle((x, top, x + house_w, street), fill=body)
        draw.polygon(
            [
                (x - 10, top),
                (x + house_w // 2, top - rng.randint(60, 110)),
                (x + house_w + 10, top),
            ],
            fill=dark,
        )
        for row in range(2):
            for col in range(2):
                wx = x + 25 + col * (house_w // 2 - 10)
                wy = top + 30 + row * 80
                if wy + 45 < street - 60:
                    draw.rectangle((wx, wy, wx + 40, wy + 45), fill=mid)
        draw.rectangle(
            (x + house_w // 2 - 22, street - 75, x + house_w // 2 + 22, street), fill=dark
        )
        x += house_w + rng.randint(30, 90)
        if rng.random() < 0.5 and x < width:
            draw.rectangle((x + 12, street - 90, x + 20, street), fill=dark)
            draw.ellipse((x - 25, street - 170, x + 57, street - 80), fill=mid)
            x += 70
    draw.rectangle((0, street, width, height), fill=dark)
    image = image.filter(ImageFilter.SMOOTH)

    output = io.BytesIO()
    image.save(output, format="JPEG", quality=82, optimize=True, progressive=True)
    return output.getvalue()
