"""Illustrations for the demo content, drawn here so that nothing has to be downloaded.

Each theme has its own scene (solar roofs and wind turbines for energy, a vegetable garden
for food, people together for care, a street for housing, a workshop for work, a repair
café for waste, a neighbourhood bus for mobility, a park for liveability), so the demo looks
like a network of different initiatives and not one picture in other colours. A scene is
drawn from a seed (the page's title): the same seed gives the same picture, every time.
"""

import io
import math
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
SKIN = ["#f1d2b6", "#e0ac69", "#c68642", "#8d5524", "#5c3a21"]
WHITE = "#ffffff"
PANEL = "#23395d"
SIZE = (1600, 1000)


class Scene:
    """A canvas with the palette, a random source and the ground line."""

    def __init__(self, seed, palette, size):
        self.rng = random.Random(f"{seed}")
        self.dark, self.mid, self.light, self.accent = PALETTES[palette]
        self.width, self.height = size
        self.image = Image.new("RGB", size, self.light)
        self.draw = ImageDraw.Draw(self.image)
        self.ground = int(self.height * 0.82)

    def backdrop(self, hills=2, sun=True):
        rng, draw = self.rng, self.draw
        if sun:
            x = rng.randint(self.width // 5, self.width * 4 // 5)
            draw.ellipse((x - 90, 100, x + 90, 280), fill=self.accent)
        for layer, colour in enumerate((self.mid, self.dark)[:hills]):
            base = self.height * (0.55 + 0.12 * layer)
            points = [(0, self.height)]
            for x in range(0, self.width + 200, 200):
                points.append((x, base - rng.randint(0, 90)))
            points.append((self.width, self.height))
            draw.polygon(points, fill=colour)

    def floor(self, colour=None):
        self.draw.rectangle((0, self.ground, self.width, self.height), fill=colour or self.dark)

    def house(self, x, width, height, body=None, panels=False):
        rng, draw, street = self.rng, self.draw, self.ground
        top = street - height
        rise = rng.randint(60, 110)
        draw.rectangle((x, top, x + width, street), fill=body or self.light)
        draw.polygon(
            [(x - 10, top), (x + width // 2, top - rise), (x + width + 10, top)], fill=self.dark
        )
        if panels:
            # solar panels on the roof's slope, as a grid
            for row in range(2):
                for col in range(3):
                    fx = 0.18 + col * 0.16
                    fy = 0.3 + row * 0.28
                    px = x + width * fx * (1 - fy * 0.5) + width * fy * 0.25
                    py = top - rise * (1 - fy) + 6
                    draw.polygon(
                        [
                            (px, py),
                            (px + width * 0.14, py),
                            (px + width * 0.12, py + rise * 0.24),
                            (px - width * 0.02, py + rise * 0.24),
                        ],
                        fill=PANEL,
                        outline=WHITE,
                    )
        for row in range(2):
            for col in range(2):
                wx = x + 25 + col * (width // 2 - 10)
                wy = top + 30 + row * 80
                if wy + 45 < street - 60:
                    draw.rectangle((wx, wy, wx + 40, wy + 45), fill=self.mid)
        draw.rectangle(
            (x + width // 2 - 22, street - 75, x + width // 2 + 22, street), fill=self.dark
        )

    def tree(self, x, height=170, crown=None):
        draw, street = self.draw, self.ground
        draw.rectangle((x - 5, street - height * 0.55, x + 5, street), fill=self.dark)
        r = height * 0.28
        draw.ellipse(
            (x - r, street - height, x + r, street - height + 2 * r), fill=crown or self.mid
        )

    def person(self, x, height, shirt, skin=None, ground=None):
        """A simple standing figure: head, body, legs."""
        draw, rng = self.draw, self.rng
        feet = ground if ground is not None else self.ground
        skin = skin or rng.choice(SKIN)
        head = height * 0.16
        body_top = feet - height + head * 2.1
        hip = feet - height * 0.42
        draw.rounded_rectangle(
            (x - height * 0.14, body_top, x + height * 0.14, hip),
            radius=int(height * 0.08),
            fill=shirt,
        )
        draw.rectangle((x - height * 0.11, hip - 4, x - height * 0.02, feet), fill=self.dark)
        draw.rectangle((x + height * 0.02, hip - 4, x + height * 0.11, feet), fill=self.dark)
        draw.ellipse((x - head, feet - height, x + head, feet - height + head * 2), fill=skin)

    def wheel(self, x, y, r, colour=None, spokes=0):
        draw = self.draw
        colour = colour or self.dark
        draw.ellipse((x - r, y - r, x + r, y + r), outline=colour, width=max(4, int(r * 0.18)))
        for n in range(spokes):
            angle = math.pi * 2 * n / spokes
            draw.line(
                (x, y, x + r * math.cos(angle), y + r * math.sin(angle)), fill=colour, width=3
            )

    def bicycle(self, x, y, size=60, colour=None):
        draw = self.draw
        colour = colour or self.dark
        self.wheel(x, y, size, colour, spokes=6)
        self.wheel(x + size * 2.4, y, size, colour, spokes=6)
        frame = [
            (x, y),
            (x + size * 0.9, y - size * 0.9),
            (x + size * 1.9, y - size * 0.9),
            (x + size * 2.4, y),
        ]
        draw.line(frame, fill=self.accent, width=8)
        draw.line((x + size * 0.9, y - size * 0.9, x + size * 1.2, y), fill=self.accent, width=8)
        draw.line((x + size * 1.2, y, x + size * 1.9, y - size * 0.9), fill=self.accent, width=8)
        draw.line(
            (x + size * 1.9, y - size * 0.9, x + size * 1.8, y - size * 1.3), fill=colour, width=8
        )

    def jpeg(self, size=SIZE):
        image = self.image.filter(ImageFilter.SMOOTH)
        if size != image.size:
            image = image.resize(size, Image.Resampling.LANCZOS)
        output = io.BytesIO()
        image.save(output, format="JPEG", quality=82, optimize=True, progressive=True)
        return output.getvalue()


def _street(scene, panels=False):
    rng = scene.rng
    x = rng.randint(-60, 20)
    while x < scene.width:
        width = rng.randint(140, 230)
        body = scene.light if rng.random() < 0.6 else scene.accent
        scene.house(x, width, rng.randint(160, 300), body, panels=panels)
        x += width + rng.randint(30, 90)
        if rng.random() < 0.5 and x < scene.width:
            scene.tree(x + 16)
            x += 70


def housing(scene):
    scene.backdrop()
    _street(scene)
    scene.floor()


def energy(scene):
    scene.backdrop(hills=1)
    rng, draw = scene.rng, scene.draw
    for _ in range(rng.randint(2, 4)):
        x = rng.randint(100, scene.width - 100)
        top = rng.randint(180, 330)
        base = int(scene.height * 0.6)
        draw.polygon([(x - 10, base), (x - 4, top), (x + 4, top), (x + 10, base)], fill=WHITE)
        turn = rng.random() * math.tau
        for blade in range(3):
            angle = turn + blade * math.tau / 3
            tip = (x + 150 * math.cos(angle), top + 150 * math.sin(angle))
            side = (x + 22 * math.cos(angle + 1.3), top + 22 * math.sin(angle + 1.3))
            draw.polygon([(x, top), side, tip], fill=WHITE)
        draw.ellipse((x - 12, top - 12, x + 12, top + 12), fill=scene.mid)
    x = rng.randint(-60, 20)
    while x < scene.width:
        width = rng.randint(170, 240)
        scene.house(x, width, rng.randint(150, 240), scene.light, panels=True)
        x += width + rng.randint(40, 80)
    scene.floor()
    # a field of panels in the foreground
    for col in range(8):
        px = 60 + col * 195
        draw.polygon(
            [
                (px, scene.height - 20),
                (px + 160, scene.height - 20),
                (px + 140, scene.height - 110),
                (px + 20, scene.height - 110),
            ],
            fill=PANEL,
            outline=scene.light,
        )


def food(scene):
    scene.backdrop(hills=1)
    rng, draw = scene.rng, scene.draw
    # a greenhouse
    gx = rng.randint(900, 1200)
    top = scene.ground - 260
    draw.polygon(
        [
            (gx, scene.ground),
            (gx, top + 80),
            (gx + 160, top),
            (gx + 320, top + 80),
            (gx + 320, scene.ground),
        ],
        fill=WHITE,
    )
    for n in range(1, 6):
        draw.line(
            (gx + n * 53, top + 80 - (80 - abs(160 - n * 53) / 2) + 40, gx + n * 53, scene.ground),
            fill=scene.mid,
            width=4,
        )
    draw.line([(gx, top + 80), (gx + 160, top), (gx + 320, top + 80)], fill=scene.dark, width=8)
    # sunflowers along the fence
    for n in range(rng.randint(4, 7)):
        x = 80 + n * 120 + rng.randint(-20, 20)
        height = rng.randint(180, 300)
        draw.line((x, scene.ground, x, scene.ground - height), fill=scene.dark, width=8)
        for petal in range(10):
            angle = petal * math.tau / 10
            px, py = x + 34 * math.cos(angle), scene.ground - height + 34 * math.sin(angle)
            draw.ellipse((px - 18, py - 18, px + 18, py + 18), fill=scene.accent)
        draw.ellipse(
            (x - 22, scene.ground - height - 22, x + 22, scene.ground - height + 22),
            fill=scene.dark,
        )
    scene.floor("#6b4a2b")
    # raised beds in rows, seen from above at an angle
    for row in range(3):
        y = scene.ground + 20 + row * 58
        draw.rectangle((40, y, scene.width - 40, y + 40), fill="#8a5a33")
        for x in range(70 + row * 30, scene.width - 60, 70):
            leaf = rng.choice((scene.mid, "#4f8a3c", scene.light))
            draw.ellipse((x - 24, y - 26, x + 24, y + 22), fill=leaf)
            if rng.random() < 0.25:
                draw.ellipse((x - 9, y - 12, x + 9, y + 6), fill="#d1495b")


def care(scene):
    scene.backdrop()
    rng, draw = scene.rng, scene.draw
    # a farmhouse or community building with a heart on it
    bx = rng.randint(80, 400)
    draw.rectangle((bx, scene.ground - 300, bx + 420, scene.ground), fill=scene.light)
    draw.polygon(
        [
            (bx - 30, scene.ground - 300),
            (bx + 210, scene.ground - 450),
            (bx + 450, scene.ground - 300),
        ],
        fill=scene.dark,
    )
    cx, cy = bx + 210, scene.ground - 200
    draw.ellipse((cx - 50, cy - 40, cx, cy + 10), fill=scene.accent)
    draw.ellipse((cx, cy - 40, cx + 50, cy + 10), fill=scene.accent)
    draw.polygon([(cx - 48, cy - 2), (cx + 48, cy - 2), (cx, cy + 60)], fill=scene.accent)
    scene.floor()
    # a bench
    bench = rng.randint(700, 950)
    draw.rectangle((bench, scene.ground - 90, bench + 320, scene.ground - 70), fill="#8a5a33")
    draw.rectangle((bench, scene.ground - 150, bench + 320, scene.ground - 130), fill="#8a5a33")
    for leg in (bench + 20, bench + 290):
        draw.rectangle((leg, scene.ground - 70, leg + 12, scene.ground), fill="#5c3a21")
    # people of all ages, together
    shirts = [scene.accent, scene.mid, WHITE, "#d1495b", "#3d405b", "#f4a259"]
    x = 560
    while x < scene.width - 60:
        height = rng.choice((220, 260, 300, 150))
        scene.person(x, height, rng.choice(shirts))
        x += rng.randint(110, 170)


def work(scene):
    scene.backdrop(hills=1)
    rng, draw = scene.rng, scene.draw
    # a workshop with a big door and a sign
    wx = rng.randint(60, 300)
    draw.rectangle((wx, scene.ground - 340, wx + 640, scene.ground), fill=scene.light)
    for n in range(4):
        draw.polygon(
            [
                (wx + n * 160, scene.ground - 340),
                (wx + n * 160 + 80, scene.ground - 420),
                (wx + n * 160 + 160, scene.ground - 340),
            ],
            fill=scene.dark,
        )
    draw.rectangle((wx + 60, scene.ground - 230, wx + 300, scene.ground), fill=scene.mid)
    for y in range(scene.ground - 220, scene.ground, 30):
        draw.line((wx + 60, y, wx + 300, y), fill=scene.light, width=3)
    draw.rectangle((wx + 360, scene.ground - 260, wx + 580, scene.ground - 140), fill=scene.accent)
    # scaffolding against a house
    hx = wx + 780
    draw.rectangle((hx, scene.ground - 380, hx + 300, scene.ground), fill=scene.accent)
    draw.polygon(
        [
            (hx - 10, scene.ground - 380),
            (hx + 150, scene.ground - 480),
            (hx + 310, scene.ground - 380),
        ],
        fill=scene.dark,
    )
    for x in range(hx - 40, hx + 341, 95):
        draw.line((x, scene.ground - 400, x, scene.ground), fill=scene.dark, width=8)
    for y in range(scene.ground - 380, scene.ground, 110):
        draw.line((hx - 40, y, hx + 340, y), fill=scene.dark, width=8)
        draw.rectangle((hx - 40, y - 10, hx + 340, y), fill="#8a5a33")
    scene.floor()
    # a van and people with helmets
    vx = rng.randint(1180, 1300)
    draw.rounded_rectangle(
        (vx, scene.ground - 190, vx + 290, scene.ground - 40), radius=24, fill=WHITE
    )
    draw.rectangle((vx + 200, scene.ground - 170, vx + 270, scene.ground - 110), fill=scene.mid)
    draw.rectangle((vx + 20, scene.ground - 130, vx + 180, scene.ground - 100), fill=scene.accent)
    for wheel in (vx + 60, vx + 230):
        draw.ellipse((wheel - 34, scene.ground - 74, wheel + 34, scene.ground - 6), fill=scene.dark)
    for x in (wx + 330, hx + 120, hx + 220):
        scene.person(x, 230, scene.mid)
        draw.pieslice(
            (x - 42, scene.ground - 248, x + 42, scene.ground - 178), 180, 360, fill="#f4d35e"
        )


def waste(scene):
    scene.backdrop(hills=1, sun=False)
    rng, draw = scene.rng, scene.draw
    # the repair café: a hall with a long table
    draw.rectangle((0, 140, scene.width, scene.ground), fill=scene.light)
    for x in range(120, scene.width, 360):
        draw.rectangle((x, 220, x + 220, 470), fill=scene.mid)
        draw.line((x + 110, 220, x + 110, 470), fill=scene.light, width=6)
    scene.floor()
    table = scene.ground - 120
    draw.rectangle((80, table, scene.width - 500, table + 24), fill="#8a5a33")
    for leg in (110, scene.width - 540):
        draw.rectangle((leg, table + 24, leg + 16, scene.ground), fill="#5c3a21")
    # things being repaired on the table: a lamp, a radio, a kettle, a wheel
    draw.rectangle((200, table - 90, 330, table), fill=scene.accent)
    draw.ellipse((220, table - 70, 270, table - 20), fill=scene.dark)
    draw.polygon(
        [(420, table), (450, table - 150), (520, table - 150), (480, table)], fill=scene.dark
    )
    draw.polygon(
        [(430, table - 150), (540, table - 150), (500, table - 210), (470, table - 210)],
        fill=scene.accent,
    )
    draw.ellipse((620, table - 110, 740, table), fill=WHITE)
    scene.wheel(880, table - 80, 78, scene.dark, spokes=10)
    scene.person(520, 190, scene.mid, ground=table - 0)
    # recycling containers, each with the arrows
    for n, colour in enumerate((scene.dark, scene.accent, scene.mid)):
        x = scene.width - 440 + n * 140
        draw.rounded_rectangle(
            (x, scene.ground - 230, x + 120, scene.ground), radius=14, fill=colour
        )
        cx, cy = x + 60, scene.ground - 130
        for k in range(3):
            angle = k * math.tau / 3 + rng.random() * 0.2
            draw.arc(
                (cx - 34, cy - 34, cx + 34, cy + 34),
                math.degrees(angle),
                math.degrees(angle) + 90,
                fill=WHITE,
                width=8,
            )


def mobility(scene):
    scene.backdrop()
    rng, draw = scene.rng, scene.draw
    x = rng.randint(-40, 40)
    while x < scene.width:
        width = rng.randint(150, 220)
        scene.house(x, width, rng.randint(140, 220), scene.light)
        x += width + rng.randint(60, 120)
    scene.floor("#4b4b4b")
    road = scene.ground + 80
    for x in range(0, scene.width, 180):
        draw.rectangle((x, road, x + 100, road + 12), fill=WHITE)
    # the neighbourhood bus
    bx = rng.randint(300, 700)
    top = scene.ground - 150
    draw.rounded_rectangle((bx, top, bx + 520, scene.ground + 60), radius=40, fill=scene.accent)
    for n in range(5):
        draw.rounded_rectangle(
            (bx + 30 + n * 95, top + 30, bx + 105 + n * 95, top + 110), radius=10, fill=scene.light
        )
    draw.rectangle((bx, scene.ground + 10, bx + 520, scene.ground + 26), fill=scene.dark)
    for wheel in (bx + 110, bx + 410):
        draw.ellipse(
            (wheel - 48, scene.ground + 20, wheel + 48, scene.ground + 116), fill="#1b1b1b"
        )
        draw.ellipse((wheel - 18, scene.ground + 50, wheel + 18, scene.ground + 86), fill="#d6d6d6")
    # a bus stop and bicycles
    sx = bx + 640
    draw.rectangle((sx, scene.ground - 250, sx + 10, scene.ground + 20), fill=scene.dark)
    draw.ellipse((sx - 40, scene.ground - 300, sx + 50, scene.ground - 210), fill=scene.dark)
    draw.ellipse((sx - 26, scene.ground - 286, sx + 36, scene.ground - 224), fill=WHITE)
    scene.bicycle(sx + 160, scene.ground + 100, 55)
    scene.bicycle(60, scene.ground + 120, 45)


def liveability(scene):
    scene.backdrop()
    rng, draw = scene.rng, scene.draw
    # the community centre
    cx = rng.randint(900, 1150)
    draw.rectangle((cx, scene.ground - 260, cx + 400, scene.ground), fill=scene.accent)
    draw.rectangle((cx - 20, scene.ground - 290, cx + 420, scene.ground - 260), fill=scene.dark)
    draw.rectangle((cx + 160, scene.ground - 150, cx + 240, scene.ground), fill=scene.dark)
    for wx in (cx + 40, cx + 290):
        draw.rectangle((wx, scene.ground - 210, wx + 70, scene.ground - 140), fill=scene.light)
    # many trees of different sizes
    for _ in range(9):
        x = rng.randint(40, cx - 60)
        scene.tree(x, rng.randint(150, 300), rng.choice(("#7fb069", "#4f8a3c", "#2f6b2a")))
    scene.floor("#4f8a3c")
    # a swing and a lamp post
    sx = rng.randint(300, 600)
    draw.line(
        [(sx, scene.ground + 120), (sx + 90, scene.ground - 150), (sx + 180, scene.ground + 120)],
        fill=scene.dark,
        width=10,
    )
    draw.line(
        [
            (sx + 250, scene.ground + 120),
            (sx + 340, scene.ground - 150),
            (sx + 430, scene.ground + 120),
        ],
        fill=scene.dark,
        width=10,
    )
    draw.line(
        (sx + 90, scene.ground - 150, sx + 340, scene.ground - 150), fill=scene.dark, width=12
    )
    for seat in (sx + 170, sx + 260):
        draw.line((seat, scene.ground - 150, seat, scene.ground + 20), fill=scene.dark, width=4)
        draw.rectangle(
            (seat - 30, scene.ground + 20, seat + 30, scene.ground + 32), fill=scene.accent
        )
    lx = cx - 120
    draw.rectangle((lx, scene.ground - 280, lx + 10, scene.ground + 80), fill=scene.dark)
    draw.ellipse((lx - 25, scene.ground - 320, lx + 35, scene.ground - 270), fill="#f4d35e")
    scene.person(cx - 40, 200, scene.mid, ground=scene.ground + 90)


# Theme slugs of the demo (portal/demo_content.py) and the scene each is drawn as.
SCENES = {
    "energie": energy,
    "voedsel": food,
    "zorg-welzijn": care,
    "wonen": housing,
    "werk-inkomen": work,
    "afval-grondstoffen": waste,
    "mobiliteit": mobility,
    "leefbaarheid": liveability,
}


def illustration(seed, scene="wonen", palette="teal", size=SIZE):
    """A flat illustration of ``scene`` (a theme slug; a street when unknown), as JPEG bytes
    of ``size``. Deterministic per seed, scene and palette. Scenes are drawn at 1600 x 1000
    and scaled."""
    canvas = Scene(seed, palette, SIZE)
    SCENES.get(scene, housing)(canvas)
    return canvas.jpeg(size)


def neighbourhood(seed, palette="teal", size=SIZE):
    """A street: sky, hills, houses, trees (the housing scene)."""
    return illustration(seed, "wonen", palette, size)
