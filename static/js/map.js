/* A map of the places a page lists (templates/includes/map.html), drawn with Leaflet.
   Reads the markers from a JSON data block, so no inline script is needed. Without
   JavaScript the map stays hidden and the list is the way in; when the tiles fail to load
   the markers stay and a notice points to the list. Places too close together at the
   current zoom to be told apart are drawn as one group: overlapping pins could not each be
   clicked, tapped or focused. */
(function () {
    "use strict";

    function popupContent(marker) {
        var wrapper = document.createElement("div");
        var link = document.createElement("a");
        link.href = marker.url;
        link.textContent = marker.title;
        link.className = "map__popup-link";
        wrapper.appendChild(link);
        if (marker.text) {
            var text = document.createElement("p");
            text.className = "map__popup-text";
            text.textContent = marker.text;
            wrapper.appendChild(text);
        }
        return wrapper;
    }

    // A pin is 25 by 41 pixels, standing on its place; a group is a 32-pixel disc standing
    // on the place of its first member. Places nearer than this to a group's first place
    // join it, so that no two drawn targets overlap.
    var APART_X = 33;
    var APART_Y = 45;

    function groupsAt(map, markers) {
        var zoom = map.getZoom();
        var groups = [];
        markers.forEach(function (marker) {
            var point = map.project([marker.lat, marker.lng], zoom);
            var group = groups.find(function (candidate) {
                return Math.abs(candidate.point.x - point.x) < APART_X &&
                    Math.abs(candidate.point.y - point.y) < APART_Y;
            });
            if (group) {
                group.members.push(marker);
            } else {
                groups.push({ point: point, members: [marker] });
            }
        });
        return groups;
    }

    function groupContent(members) {
        var list = document.createElement("ul");
        list.className = "map__popup-list";
        members.forEach(function (marker) {
            var item = document.createElement("li");
            item.appendChild(popupContent(marker));
            list.appendChild(item);
        });
        return list;
    }

    // One place: its pin. Several: a disc with their number, named after all of them
    // (``label`` is the page's translated "{count} places: {names}").
    function markerFor(members, icon, label) {
        var first = members[0];
        if (members.length === 1) {
            return window.L.marker([first.lat, first.lng], {
                icon: icon, title: first.title, alt: first.title, keyboard: true
            }).bindPopup(popupContent(first));
        }
        var names = members.map(function (marker) { return marker.title; }).join(", ");
        var marker = window.L.marker([first.lat, first.lng], {
            icon: window.L.divIcon({
                className: "map__group",
                html: "<span class=\"map__group-count\">" + members.length + "</span>",
                iconSize: [32, 32],
                iconAnchor: [16, 32],
                popupAnchor: [0, -30]
            }),
            title: names,
            keyboard: true
        }).bindPopup(groupContent(members), { maxHeight: 240 });
        marker.on("add", function () {
            marker.getElement().setAttribute(
                "aria-label",
                label.replace("{count}", members.length).replace("{names}", names)
            );
        });
        return marker;
    }

    function draw(figure) {
        var source = document.getElementById(figure.dataset.map);
        var canvas = figure.querySelector(".map__canvas");
        if (!source || !canvas || !window.L) {
            return;
        }
        var markers = JSON.parse(source.textContent);
        if (!markers.length) {
            return;
        }
        figure.hidden = false;
        var map = window.L.map(canvas, { scrollWheelZoom: false, minZoom: 6, maxZoom: 18 });
        var notice = figure.querySelector("[data-map-notice]");
        window.L.tileLayer(figure.dataset.mapTiles, {
            attribution: figure.dataset.mapAttribution,
            maxZoom: 18
        }).on("tileerror", function () {
            if (notice) {
                notice.hidden = false;
            }
        }).addTo(map);
        var icon = window.L.icon({
            iconUrl: figure.dataset.mapIcon,
            iconRetinaUrl: figure.dataset.mapIconRetina,
            shadowUrl: figure.dataset.mapShadow,
            iconSize: [25, 41],
            iconAnchor: [12, 41],
            popupAnchor: [1, -34],
            shadowSize: [41, 41]
        });
        var points = markers.map(function (marker) { return [marker.lat, marker.lng]; });
        if (points.length === 1) {
            map.setView(points[0], 13);
        } else {
            map.fitBounds(points, { padding: [32, 32], maxZoom: 13 });
        }
        var layer = window.L.layerGroup().addTo(map);
        function group() {
            layer.clearLayers();
            groupsAt(map, markers).forEach(function (found) {
                markerFor(found.members, icon, figure.dataset.mapGroupLabel).addTo(layer);
            });
            figure.dataset.mapGroups = String(layer.getLayers().length);
            figure.dataset.mapZoom = String(map.getZoom());
        }
        group();
        map.on("zoomend", group);
        figure.dataset.mapReady = "true";
    }

    // Leaflet's stylesheet is fetched here, not linked in the page, so that it never holds
    // up the first paint: the map is hidden until it is drawn anyway.
    function withStylesheet(href, then) {
        if (!href || document.querySelector("link[data-map-stylesheet]")) {
            then();
            return;
        }
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        link.setAttribute("data-map-stylesheet", "");
        link.addEventListener("load", then);
        link.addEventListener("error", then);
        document.head.appendChild(link);
    }

    function start() {
        var figures = document.querySelectorAll("[data-map]");
        if (!figures.length) {
            return;
        }
        withStylesheet(figures[0].dataset.mapStylesheet, function () {
            Array.prototype.forEach.call(figures, draw);
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
